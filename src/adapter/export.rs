//! .docx export in a Web Worker, so docx-rs stays out of the first-paint bundle and a
//! long export never blocks typing. Both ends of the message protocol live here:
//! [`export_docx`] on the page, [`serve_exports`] in the worker (`src/bin/worker.rs`).
//!
//! The worker is started once, right after the app's first paint ([`warm_up`]), and then
//! kept: its files load while the page is loading, not on the first click, so the app
//! makes no request after load and the first export does not wait for a download.
//!
//! Worker → page, once its wasm runs: `{ ready: true }`. A message posted before that
//! would be lost (the handler does not exist yet), so the page waits for it.
//! Request: `{ draft: <draft file JSON>, now: <RFC 3339> }`.
//! Reply: `{ docx: Uint8Array }` or `{ error: <Chinese message> }`.

use std::cell::RefCell;

use js_sys::{Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

use report_core::Draft;

/// The loader Trunk writes for `src/bin/worker.rs` (`data-loader-shim`), relative to the page.
const WORKER_URL: &str = "./worker_loader.js";
/// A worker that has not answered by then is replaced: a 30-page report takes milliseconds.
const TIMEOUT_MS: i32 = 60_000;
const FAILED: &str = "导出程序出错";

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
        let worker = Worker::new(WORKER_URL).map_err(|_| "浏览器无法启动导出程序".to_string())?;
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

/// Starts the export worker in the background. Failing here is not reported: the
/// export button tries again and reports then.
pub fn warm_up() {
    let _ = current_worker();
}

/// Exports a draft in the worker. The caller lets one export finish before the next.
pub async fn export_docx(draft: &Draft, now_ms: f64) -> Result<Vec<u8>, String> {
    let ExportWorker { worker, ready } = current_worker()?;
    let reply = async {
        JsFuture::from(ready).await?;
        let reply = next_message(&worker);
        let request = object(&[
            (
                "draft",
                &JsValue::from_str(&report_core::to_json(draft, now_ms)),
            ),
            (
                "now",
                &JsValue::from_str(&report_core::date::rfc3339_from_unix_ms(now_ms)),
            ),
        ]);
        worker.post_message(&request)?;
        JsFuture::from(reply).await
    }
    .await
    .map_err(|e| {
        discard_worker();
        e.as_string().unwrap_or_else(|| FAILED.into())
    })?;
    if let Some(bytes) = get(&reply, "docx") {
        return Ok(bytes.unchecked_into::<Uint8Array>().to_vec());
    }
    Err(get(&reply, "error")
        .and_then(|e| e.as_string())
        .unwrap_or_else(|| "导出程序没有返回文件".into()))
}

/// Worker side: announces that it is ready, then answers every request with the .docx
/// or a message. Never panics on a bad request, so the worker stays usable.
pub fn serve_exports() {
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let reply = match handle(&event.data()) {
            Ok(bytes) => object(&[("docx", &Uint8Array::from(&bytes[..]).into())]),
            Err(message) => object(&[("error", &JsValue::from_str(&message))]),
        };
        let _ = reply_to.post_message(&reply);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    // The handler lives as long as the worker.
    on_message.forget();
    let _ = scope.post_message(&object(&[("ready", &JsValue::TRUE)]));
}

fn handle(request: &JsValue) -> Result<Vec<u8>, String> {
    let text = |key| {
        get(request, key)
            .and_then(|v| v.as_string())
            .ok_or("导出请求不完整")
    };
    let draft = report_core::from_json(&text("draft")?).map_err(|e| e.to_string())?;
    report_core::docx::export(&draft, &draft.export, &text("now")?).map_err(|e| e.to_string())
}
