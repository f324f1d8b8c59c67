//! A thin layer over IndexedDB: one database holding one object store of text records
//! under text keys, read whole at start and written in transactions.
//!
//! Why not `rexie` or `indexed_db_futures`: the app needs four operations (open, read
//! all, write a batch, and the error name of a refused write) on a single store of
//! strings. web-sys already exposes them; this module turns their callbacks into
//! futures in about a hundred lines, where either crate would add its own dependency
//! tree and wasm size to the app for the same four calls.

use std::cell::{Cell, RefCell};
use std::future::Future;
use std::rc::Rc;

use gloo::timers::callback::Timeout;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction, IdbTransactionMode};

pub const DATABASE: &str = "report-drafter";
const VERSION: u32 = 1;
pub const RECORDS: &str = "records";

/// Why IndexedDB refused: the `DOMException` name (e.g. `QuotaExceededError`) and text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IdbError {
    pub name: String,
    pub message: String,
}

impl IdbError {
    pub fn is_quota(&self) -> bool {
        self.name == "QuotaExceededError"
    }
}

fn error_of(value: JsValue) -> IdbError {
    match value.dyn_ref::<web_sys::DomException>() {
        Some(e) => IdbError {
            name: e.name(),
            message: e.message(),
        },
        None => IdbError {
            name: "UnknownError".into(),
            message: value
                .as_string()
                .unwrap_or_else(|| "IndexedDB 未说明原因".into()),
        },
    }
}

/// A promise settled by `settle`, which is handed its resolve and reject functions.
fn promise(settle: impl FnOnce(Function, Function)) -> JsFuture {
    let mut settle = Some(settle);
    JsFuture::from(Promise::new(&mut |resolve, reject| {
        if let Some(settle) = settle.take() {
            settle(resolve, reject);
        }
    }))
}

/// Settles with the request's result or error. The promise's own resolve and reject are
/// the handlers: a Rust closure would be left behind for the one that never runs, on
/// every autosave.
fn request_done(request: &IdbRequest) -> impl Future<Output = Result<JsValue, JsValue>> {
    let settled = promise(|resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let request = request.clone();
    async move {
        match settled.await {
            Ok(_) => request.result(),
            Err(_) => Err(request
                .error()
                .ok()
                .flatten()
                .map(JsValue::from)
                .unwrap_or_default()),
        }
    }
}

/// Settles when the transaction commits, or with its error when it aborts (a refused
/// write, quota included, aborts the transaction at commit).
fn transaction_done(transaction: &IdbTransaction) -> impl Future<Output = Result<(), JsValue>> {
    let settled = promise(|resolve, reject| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&reject));
    });
    let transaction = transaction.clone();
    async move {
        match settled.await {
            Ok(_) => Ok(()),
            Err(_) => Err(transaction.error().map(JsValue::from).unwrap_or_default()),
        }
    }
}

/// An open connection. It closes itself when another page asks to upgrade or delete
/// the database (`versionchange`), so that page is not blocked; writes then fail.
#[derive(Clone)]
pub struct Database {
    connection: IdbDatabase,
    closed: Rc<Cell<bool>>,
    on_closed: ClosedReport,
}

type ClosedReport = Rc<RefCell<Option<Box<dyn Fn()>>>>;

/// How long [`open`] waits before giving up: a stalled open must not keep the app from
/// starting.
pub const OPEN_TIMEOUT_MS: u32 = 5_000;

/// Why an open that never failed did not finish: another tab holds the database at an
/// older version (`blocked`), or nothing answered in [`OPEN_TIMEOUT_MS`].
pub const BLOCKED: &str = "BlockedError";
pub const TIMED_OUT: &str = "TimeoutError";

/// Opens (creating on first use) the app's database, giving up after
/// [`OPEN_TIMEOUT_MS`] or when the open is blocked; a connection that opens after that
/// is closed at once.
pub async fn open() -> Result<Database, IdbError> {
    let unavailable = || IdbError {
        name: "NotSupportedError".into(),
        message: "浏览器不提供 IndexedDB".into(),
    };
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or_else(unavailable)?;
    let request = factory.open_with_u32(DATABASE, VERSION).map_err(error_of)?;
    let upgrading = request.clone();
    let upgrade = Closure::<dyn FnMut(web_sys::Event)>::new(move |_: web_sys::Event| {
        if let Some(database) = upgrading
            .result()
            .ok()
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok())
        {
            if !database.object_store_names().contains(RECORDS) {
                let _ = database.create_object_store(RECORDS);
            }
        }
    });
    request.set_onupgradeneeded(Some(upgrade.as_ref().unchecked_ref()));
    // The first of success, error, blocked and the timeout decides; the others find it
    // decided (a late success closes its connection).
    type Outcome = Rc<RefCell<Option<Result<IdbDatabase, IdbError>>>>;
    let outcome: Outcome = Rc::default();
    let decide = |outcome: &Outcome, result: Result<IdbDatabase, IdbError>| {
        let mut decided = outcome.borrow_mut();
        match (&*decided, result) {
            (None, result) => *decided = Some(result),
            (Some(_), Ok(late)) => late.close(),
            (Some(_), Err(_)) => {}
        }
    };
    let mut timeout = None;
    promise(|resolve, _| {
        let done = {
            let outcome = outcome.clone();
            move |result| {
                decide(&outcome, result);
                let _ = resolve.call0(&JsValue::NULL);
            }
        };
        let opened = request.clone();
        let on_success = {
            let done = done.clone();
            Closure::once_into_js(move |_: web_sys::Event| {
                done(
                    opened
                        .result()
                        .map(JsCast::unchecked_into)
                        .map_err(error_of),
                )
            })
        };
        let failed = request.clone();
        let on_error = {
            let done = done.clone();
            Closure::once_into_js(move |_: web_sys::Event| {
                let error = failed.error().ok().flatten().map(JsValue::from);
                done(Err(error_of(error.unwrap_or_default())))
            })
        };
        let on_blocked = {
            let done = done.clone();
            Closure::once_into_js(move |_: web_sys::Event| {
                done(Err(IdbError {
                    name: BLOCKED.into(),
                    message: "本应用的另一个标签页仍在使用旧版本的存储".into(),
                }))
            })
        };
        request.set_onsuccess(Some(on_success.unchecked_ref()));
        request.set_onerror(Some(on_error.unchecked_ref()));
        request.set_onblocked(Some(on_blocked.unchecked_ref()));
        timeout = Some(Timeout::new(OPEN_TIMEOUT_MS, move || {
            done(Err(IdbError {
                name: TIMED_OUT.into(),
                message: format!("{} 秒内没有响应", OPEN_TIMEOUT_MS / 1000),
            }))
        }));
    })
    .await
    .map_err(error_of)?;
    drop(timeout);
    let result = outcome.borrow_mut().take();
    if matches!(result, Some(Ok(_))) {
        // Only an open that succeeded is past its upgrade.
        request.set_onupgradeneeded(None);
        drop(upgrade);
    } else {
        // A late upgrade may still run: its closure must outlive this call.
        upgrade.forget();
    }
    let connection = result.unwrap_or_else(|| Err(unavailable()))?;
    let database = Database {
        connection,
        closed: Rc::default(),
        on_closed: Rc::default(),
    };
    let on_version_change = {
        let database = database.clone();
        Closure::once_into_js(move |_: web_sys::Event| {
            database.connection.close();
            database.closed.set(true);
            if let Some(report) = &*database.on_closed.borrow() {
                report();
            }
        })
    };
    database
        .connection
        .set_onversionchange(Some(on_version_change.unchecked_ref()));
    Ok(database)
}

impl Database {
    /// Whether another page took the database over (see [`Database`]).
    pub fn is_closed(&self) -> bool {
        self.closed.get()
    }

    /// Called when this connection closes itself for another page.
    pub fn on_closed(&self, report: impl Fn() + 'static) {
        *self.on_closed.borrow_mut() = Some(Box::new(report));
    }

    /// Every record, in key order. A value that is not text (written by something
    /// else) comes back as its JSON form, so it can be shown as unreadable.
    pub async fn all(&self) -> Result<Vec<(String, String)>, IdbError> {
        let transaction = self
            .connection
            .transaction_with_str(RECORDS)
            .map_err(error_of)?;
        let store = transaction.object_store(RECORDS).map_err(error_of)?;
        let keys = request_done(&store.get_all_keys().map_err(error_of)?);
        let values = request_done(&store.get_all().map_err(error_of)?);
        let keys: Array = keys.await.map_err(error_of)?.unchecked_into();
        let values: Array = values.await.map_err(error_of)?.unchecked_into();
        Ok(keys
            .iter()
            .zip(values.iter())
            .map(|(key, value)| {
                let text = value.as_string().unwrap_or_else(|| {
                    js_sys::JSON::stringify(&value).map_or_else(|_| String::new(), String::from)
                });
                (key.as_string().unwrap_or_default(), text)
            })
            .collect())
    }

    /// Writes a batch in one transaction: `Some(text)` puts, `None` deletes. The
    /// transaction is created now, so batches commit in the order they were made; the
    /// future says whether this one committed.
    pub fn write(
        &self,
        changes: &[(String, Option<String>)],
    ) -> impl Future<Output = Result<(), IdbError>> + 'static {
        let started = self.start_write(changes);
        async move { started?.await.map_err(error_of) }
    }

    fn start_write(
        &self,
        changes: &[(String, Option<String>)],
    ) -> Result<impl Future<Output = Result<(), JsValue>> + 'static, IdbError> {
        let transaction = self
            .connection
            .transaction_with_str_and_mode(RECORDS, IdbTransactionMode::Readwrite)
            .map_err(error_of)?;
        let done = transaction_done(&transaction);
        let store = transaction.object_store(RECORDS).map_err(error_of)?;
        let requested = changes.iter().try_for_each(|(key, value)| {
            let key = JsValue::from_str(key);
            match value {
                Some(text) => store.put_with_key(&JsValue::from_str(text), &key),
                None => store.delete(&key),
            }
            .map(drop)
        });
        if let Err(error) = requested {
            // Nothing of a batch is written unless all of it is.
            let _ = transaction.abort();
            return Err(error_of(error));
        }
        Ok(done)
    }
}
