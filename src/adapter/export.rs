//! .docx export in a Web Worker, so docx-rs stays out of the first-paint bundle and a
//! long export never blocks typing. Both ends of the message protocol live here:
//! [`export_docx`] on the page, [`serve_exports`] in the worker (`src/bin/worker.rs`).
//!
//! Request: `{ draft: <draft file JSON>, now: <RFC 3339> }`.
//! Reply: `{ docx: Uint8Array }` or `{ error: <Chinese message> }`.

use js_sys::{Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent, Worker};

use report_core::Draft;

/// The worker script Trunk builds from `src/bin/worker.rs`, relative to the page.
const WORKER_URL: &str = "./worker.js";
/// A worker that has not answered by then is stopped: a 30-page report takes milliseconds.
const TIMEOUT_MS: i32 = 60_000;

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

/// Exports a draft in a fresh worker, which is stopped afterwards whatever happens.
pub async fn export_docx(draft: &Draft, now_ms: f64) -> Result<Vec<u8>, String> {
    let worker = Worker::new(WORKER_URL).map_err(|_| "浏览器无法启动导出程序".to_string())?;
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
    let reply = Promise::new(&mut |resolve, reject| {
        let on_message = Closure::once_into_js(move |event: MessageEvent| {
            let _ = resolve.call1(&JsValue::NULL, &event.data());
        });
        let on_error = {
            let reject = reject.clone();
            Closure::once_into_js(move |_: JsValue| {
                let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("导出程序出错"));
            })
        };
        worker.set_onmessage(Some(on_message.unchecked_ref()));
        worker.set_onerror(Some(on_error.unchecked_ref()));
        let on_timeout = Closure::once_into_js(move || {
            let _ = reject.call1(&JsValue::NULL, &JsValue::from_str("导出超时"));
        });
        let _ = web_sys::window().map(|w| {
            w.set_timeout_with_callback_and_timeout_and_arguments_0(
                on_timeout.unchecked_ref(),
                TIMEOUT_MS,
            )
        });
    });
    let sent = worker.post_message(&request);
    let result = match sent {
        Ok(()) => JsFuture::from(reply).await,
        Err(err) => Err(err),
    };
    worker.terminate();
    let reply = result.map_err(|e| e.as_string().unwrap_or_else(|| "导出程序出错".into()))?;
    if let Some(bytes) = get(&reply, "docx") {
        return Ok(bytes.unchecked_into::<Uint8Array>().to_vec());
    }
    Err(get(&reply, "error")
        .and_then(|e| e.as_string())
        .unwrap_or_else(|| "导出程序没有返回文件".into()))
}

/// Worker side: answers every request with the .docx or a message. Never panics on a
/// bad request, so the worker stays usable.
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
