//! Working with no server: the hosted app's service worker (`static/sw.js`, which keeps
//! every file of the build after one visit) and how the page learns that a new build is
//! waiting; and the single file (`scripts/single-file.sh`) opened from disk, where there
//! is no service worker and drafts live in the browser's storage for that file.
//!
//! A new build never takes over by itself: it waits until the user chooses to reload
//! ([`apply_update`]), so nothing changes under a draft being written.

use std::cell::Cell;
use std::rc::Rc;

use js_sys::Reflect;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{spawn_local, JsFuture};
use web_sys::{
    ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState,
};

/// The service worker, beside `index.html` (written by `scripts/service-worker.mjs`).
const SERVICE_WORKER_URL: &str = "./sw.js";
/// What the waiting worker is told when the user chooses to reload.
const SKIP_WAITING: &str = "skip-waiting";
/// Set by the single file's start-up script: the URLs of the workers it made from Blobs,
/// by the name of their bin (`{ worker: "blob:…", import_worker: "blob:…" }`).
const INLINED_WORKER_URLS: &str = "reportDrafterWorkerUrls";

/// The page was opened from disk (`file://`), as the single file is.
pub fn opened_from_file() -> bool {
    web_sys::window()
        .and_then(|window| window.location().protocol().ok())
        .is_some_and(|protocol| protocol == "file:")
}

/// The workers' URLs when the page is the single file, which has no files beside it.
fn inlined_worker_urls() -> Option<JsValue> {
    Reflect::get(&js_sys::global(), &JsValue::from_str(INLINED_WORKER_URLS))
        .ok()
        .filter(JsValue::is_object)
}

/// The URL of the worker built from `bin` when the page is the single file.
pub fn inlined_worker_url(bin: &str) -> Option<String> {
    Reflect::get(&inlined_worker_urls()?, &JsValue::from_str(bin))
        .ok()
        .and_then(|url| url.as_string())
}

/// The service worker API of a hosted page: none from disk, in the single file (its CSP
/// allows no worker from a URL), or where the browser does not offer it (plain http
/// outside localhost is not a secure context).
fn container() -> Option<ServiceWorkerContainer> {
    if opened_from_file() || inlined_worker_urls().is_some() {
        return None;
    }
    let navigator = web_sys::window()?.navigator();
    Reflect::has(&navigator, &JsValue::from_str("serviceWorker"))
        .unwrap_or(false)
        .then(|| navigator.service_worker())
}

/// A new build, as the page learns of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Update {
    /// It has installed and waits behind the build that runs this page.
    Waiting,
    /// Another tab put it in charge: this page still runs the old build's code.
    InCharge,
}

thread_local! {
    /// Set by [`apply_update`]: the next change of controller is the one it asked for.
    static RELOAD_ON_CONTROLLER_CHANGE: Cell<bool> = const { Cell::new(false) };
}

/// Registers the service worker and calls `on_update` once a new build has installed
/// and waits, or has been put in charge from another tab. Nothing happens where there
/// is no service worker (see [`container`]).
pub fn register(on_update: impl Fn(Update) + 'static) {
    let Some(container) = container() else {
        return;
    };
    let on_update: Rc<dyn Fn(Update)> = Rc::new(on_update);
    // A page is only ever put under a new controller by a build's skip-waiting (sw.js
    // claims no page): asked for here, it reloads; asked for in another tab, it is told.
    let on_controller_change = {
        let on_update = on_update.clone();
        Closure::<dyn Fn()>::new(move || {
            if RELOAD_ON_CONTROLLER_CHANGE.get() {
                reload();
            } else {
                on_update(Update::InCharge);
            }
        })
    };
    container.set_oncontrollerchange(Some(on_controller_change.as_ref().unchecked_ref()));
    // The handler lives as long as the page, for every change of controller.
    on_controller_change.forget();
    spawn_local(async move {
        // A refused registration (a host that does not serve sw.js) leaves the app as it
        // was: online only.
        let Ok(registration) = JsFuture::from(container.register(SERVICE_WORKER_URL)).await else {
            return;
        };
        let registration: ServiceWorkerRegistration = registration.unchecked_into();
        // The first worker of a profile installs with no build in charge: that is no
        // update.
        let is_update = {
            let registration = registration.clone();
            Rc::new(move || registration.active().is_some())
        };
        if registration.waiting().is_some() && is_update() {
            on_update(Update::Waiting);
        }
        if let Some(installing) = registration.installing() {
            watch(&installing, is_update.clone(), on_update.clone());
        }
        let on_update_found = {
            let registration = registration.clone();
            Closure::<dyn Fn()>::new(move || {
                if let Some(installing) = registration.installing() {
                    watch(&installing, is_update.clone(), on_update.clone());
                }
            })
        };
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        // The handler lives as long as the page.
        on_update_found.forget();
    });
}

/// Calls `on_update` when `worker` has installed and waits behind the one in charge.
fn watch(worker: &ServiceWorker, is_update: Rc<dyn Fn() -> bool>, on_update: Rc<dyn Fn(Update)>) {
    let watched = worker.clone();
    let on_state_change = Closure::<dyn Fn()>::new(move || {
        if watched.state() == ServiceWorkerState::Installed && is_update() {
            on_update(Update::Waiting);
        }
    });
    worker.set_onstatechange(Some(on_state_change.as_ref().unchecked_ref()));
    on_state_change.forget();
}

fn reload() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}

/// Puts the waiting build in charge and reloads the page when it is; with no build
/// waiting (another tab put it in charge already), reloads at once. The caller saves
/// the draft first.
pub fn apply_update() {
    let Some(container) = container() else {
        return;
    };
    RELOAD_ON_CONTROLLER_CHANGE.set(true);
    spawn_local(async move {
        let waiting = JsFuture::from(container.get_registration())
            .await
            .ok()
            .and_then(|registration| registration.dyn_into::<ServiceWorkerRegistration>().ok())
            .and_then(|registration| registration.waiting());
        match waiting {
            Some(waiting) => {
                let _ = waiting.post_message(&JsValue::from_str(SKIP_WAITING));
            }
            None => reload(),
        }
    });
}
