//! Drafts and templates in IndexedDB (see [`super::idb`]), one record per draft, plus
//! a small stamp per draft so that two tabs never silently overwrite each other.
//!
//! Every record is also held in memory (the mirror), loaded once by [`open`] before the
//! app starts: reads and the checks before a write are synchronous, and each write
//! changes the mirror at once and reaches IndexedDB in a transaction behind it, so
//! typing never waits for storage. How each transaction ends (committed, or refused for
//! quota) is reported through [`on_write_settled`] with the record it held; committed
//! writes are announced to other tabs on a `BroadcastChannel`, which apply them to
//! their own mirror.
//!
//! Keys (versioned, so a future layout can live beside this one; the same keys the app
//! used in `localStorage`, from which [`open`] migrates them once):
//! - `report-drafter.v1.draft.<id>`: the draft in its versioned JSON form;
//! - `report-drafter.v1.stamp.<id>`: who wrote it last (`<tab>:<counter>`);
//! - `report-drafter.v1.summary.<id>`: what the list of drafts shows of it (see
//!   [`list_drafts`]), written in the same transaction as the draft;
//! - `report-drafter.v1.last-opened`: the id to reopen on load;
//! - `report-drafter.v1.templates`: the user's template library (see [`load_templates`]);
//! - `report-drafter.v1.versions.<id>`: a draft's 版本记录 (see [`load_versions`]).
//!
//! A record that cannot be read is never written over: it is listed as damaged and its
//! raw text can still be downloaded.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use gloo::events::EventListener;
use report_core::backup::DraftWithVersions;
use report_core::versions::Versions;
use report_core::{format, template, Draft, Template};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;

use super::idb::{self, Database};

const NAMESPACE: &str = "report-drafter.v1.";
const DRAFT_PREFIX: &str = "report-drafter.v1.draft.";
const STAMP_PREFIX: &str = "report-drafter.v1.stamp.";
const SUMMARY_PREFIX: &str = "report-drafter.v1.summary.";
const LAST_OPENED: &str = "report-drafter.v1.last-opened";
const TEMPLATES: &str = "report-drafter.v1.templates";
const VERSIONS_PREFIX: &str = "report-drafter.v1.versions.";
const TEMPLATE_LIBRARY_FORMAT: &str = "report-drafter.template-library";
const CHANNEL: &str = "report-drafter.v1.changes";

/// A batch of record changes: `Some(text)` writes, `None` deletes.
type Changes = Vec<(String, Option<String>)>;

#[derive(Default)]
struct Mirror {
    records: BTreeMap<String, String>,
    /// `None` when IndexedDB could not be opened: the app works in memory only.
    database: Option<Database>,
    channel: Option<web_sys::BroadcastChannel>,
    /// Said once, when the app starts: a migration done or failed, storage unavailable.
    opening_notice: Option<(bool, String)>,
}

type SettledReport = Rc<dyn Fn(Record, Result<(), StorageError>)>;

thread_local! {
    static MIRROR: RefCell<Mirror> = RefCell::default();
    static ON_SETTLED: RefCell<Option<SettledReport>> = const { RefCell::new(None) };
}

/// What a write held, so that its outcome reaches what it concerns: a refused draft
/// write must leave that draft unsaved, other refusals are only told.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Record {
    /// A draft's text, written with `stamp`.
    Draft {
        id: String,
        stamp: String,
    },
    /// A draft's 版本记录.
    Versions,
    LastOpened,
    Templates,
    /// A draft removed with its stamp and 版本记录.
    Deletion,
}

fn get(key: &str) -> Option<String> {
    MIRROR.with(|m| m.borrow().records.get(key).cloned())
}

/// Loads every record into memory, migrating the drafts and templates still in
/// `localStorage` first. Called once before the app starts (and by tests to reload).
pub async fn open() {
    let mut mirror = Mirror {
        channel: web_sys::BroadcastChannel::new(CHANNEL).ok(),
        ..Mirror::default()
    };
    match idb::open().await {
        Ok(database) => {
            mirror.opening_notice = migrate_local_storage(&database).await;
            match database.all().await {
                Ok(records) => {
                    mirror.records = by_key(records);
                    mirror.database = Some(database);
                }
                Err(e) => mirror.opening_notice = Some(unavailable(&e)),
            }
        }
        Err(e) => mirror.opening_notice = Some(unavailable(&e)),
    }
    // Whatever a failed or impossible migration left in the old storage is shown too.
    for (key, text) in legacy_records() {
        mirror.records.entry(key).or_insert(text);
    }
    let replaced = MIRROR.with(|m| std::mem::replace(&mut *m.borrow_mut(), mirror));
    if let Some(channel) = replaced.channel {
        channel.close();
    }
}

fn unavailable(e: &idb::IdbError) -> (bool, String) {
    let text = match e.name.as_str() {
        idb::TIMED_OUT | idb::BLOCKED => format!(
            "浏览器存储（IndexedDB）{}，本页先以不保存的方式打开：所做的修改不会被保存，关闭页面即丢失。请随时下载备份文件，并关闭本应用的其他标签页后重新载入本页。",
            e.message
        ),
        _ => format!(
            "无法使用 IndexedDB（{}）。{}",
            e.message,
            StorageError::Unavailable.message()
        ),
    };
    (true, text)
}

/// What [`open`] has to tell the user, once: `(is_error, text)`.
pub fn take_opening_notice() -> Option<(bool, String)> {
    MIRROR.with(|m| m.borrow_mut().opening_notice.take())
}

fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The app's records still in `localStorage`.
fn legacy_records() -> Vec<(String, String)> {
    let Some(local) = local_storage() else {
        return Vec::new();
    };
    let count = local.length().unwrap_or(0);
    (0..count)
        .filter_map(|i| local.key(i).ok().flatten())
        .filter(|key| key.starts_with(NAMESPACE))
        .filter_map(|key| Some((key.clone(), local.get_item(&key).ok().flatten()?)))
        .collect()
}

/// Copies the `localStorage` records into IndexedDB, reads them back and, only when
/// every one came back identical, removes them from `localStorage`. Any failure leaves
/// `localStorage` as it was and says so. A key already in IndexedDB is not copied: it
/// was written there since (by a migration that could not clean up, or by saving a
/// draft shown from `localStorage` after one that failed), so IndexedDB's is newer.
async fn migrate_local_storage(database: &Database) -> Option<(bool, String)> {
    let legacy = legacy_records();
    if legacy.is_empty() {
        return None;
    }
    let drafts = legacy
        .iter()
        .filter(|(key, _)| key.starts_with(DRAFT_PREFIX))
        .count();
    let failed = |why: String| {
        Some((
            true,
            format!("旧存储（localStorage）中的 {drafts} 份草稿未能迁移到 IndexedDB：{why}。旧存储中的内容保持原样，本次仍从旧存储读取；请下载备份文件。"),
        ))
    };
    let present: BTreeMap<String, String> = match database.all().await {
        Ok(records) => by_key(records),
        Err(e) => return failed(e.message),
    };
    let copies: Changes = legacy
        .iter()
        .filter(|(key, _)| !present.contains_key(key))
        .map(|(key, text)| (key.clone(), Some(text.clone())))
        .collect();
    if let Err(e) = database.write(&copies).await {
        return failed(if e.is_quota() {
            "存储空间不足".into()
        } else {
            e.message
        });
    }
    let read_back: BTreeMap<String, String> = match database.all().await {
        Ok(records) => by_key(records),
        Err(e) => return failed(e.message),
    };
    let differing = copies
        .iter()
        .filter(|(key, text)| read_back.get(key) != text.as_ref())
        .count();
    if differing > 0 {
        return failed(format!("{differing} 项读回后与原内容不一致"));
    }
    if let Some(local) = local_storage() {
        for (key, _) in &legacy {
            let _ = local.remove_item(key);
        }
    }
    Some((
        false,
        format!("已将 {drafts} 份草稿从旧存储（localStorage）迁移到 IndexedDB，逐份核对无误。"),
    ))
}

/// Called with the record and the outcome whenever a write started by [`write_behind`]
/// ends: committed, or refused after the mirror took it.
pub fn on_write_settled(report: impl Fn(Record, Result<(), StorageError>) + 'static) {
    ON_SETTLED.with(|f| *f.borrow_mut() = Some(Rc::new(report)));
}

/// Called when this page can no longer write because another page took the database
/// over (see [`StorageError::Superseded`]).
pub fn on_superseded(report: impl Fn() + 'static) {
    if let Some(database) = MIRROR.with(|m| m.borrow().database.clone()) {
        database.on_closed(report);
    }
}

/// Changes the mirror now and starts the IndexedDB transaction behind it. The returned
/// future settles when the transaction does; other tabs hear of the changes once they
/// are committed. Errs when there is no IndexedDB (the change lives in memory).
fn write(
    changes: Changes,
) -> Result<impl std::future::Future<Output = Result<(), StorageError>>, StorageError> {
    apply_to_mirror(&changes);
    let (database, channel) = MIRROR.with(|m| {
        let m = m.borrow();
        (m.database.clone(), m.channel.clone())
    });
    let database = database.ok_or(StorageError::Unavailable)?;
    if database.is_closed() {
        return Err(StorageError::Superseded);
    }
    let committed = database.write(&changes);
    Ok(async move {
        committed.await.map_err(|_| StorageError::WriteRefused)?;
        if let (Some(channel), Ok(message)) = (channel, serde_json::to_string(&changes)) {
            let _ = channel.post_message(&message.into());
        }
        Ok(())
    })
}

fn apply_to_mirror(changes: &Changes) {
    MIRROR.with(|m| {
        let mut m = m.borrow_mut();
        for (key, value) in changes {
            match value {
                Some(text) => m.records.insert(key.clone(), text.clone()),
                None => m.records.remove(key),
            };
        }
    });
}

/// [`write`] for a change the user is told of once it is stored: the future settles
/// when the transaction does, and a change that was not stored is taken back out of
/// the mirror, so that the page shows only what a reload would.
fn write_and_wait(changes: Changes) -> impl std::future::Future<Output = Result<(), StorageError>> {
    let previous: Changes = changes
        .iter()
        .map(|(key, _)| (key.clone(), get(key)))
        .collect();
    let started = write(changes);
    async move {
        let outcome = match started {
            Ok(committed) => committed.await,
            Err(err) => Err(err),
        };
        if outcome.is_err() {
            apply_to_mirror(&previous);
        }
        outcome
    }
}

/// [`write`] without waiting: the outcome goes to [`on_write_settled`] as `record`.
fn write_behind(changes: Changes, record: Record) -> Result<(), StorageError> {
    let committed = write(changes)?;
    wasm_bindgen_futures::spawn_local(async move {
        let outcome = committed.await;
        if let Some(report) = ON_SETTLED.with(|f| f.borrow().clone()) {
            report(record, outcome);
        }
    });
    Ok(())
}

/// Listens for records other tabs wrote: each is applied to this tab's mirror, then
/// `changed(key, new_text)` is called. Dropping the listener stops it.
pub fn on_change_elsewhere(
    changed: impl Fn(&str, Option<&str>) + 'static,
) -> Option<EventListener> {
    let channel = MIRROR.with(|m| m.borrow().channel.clone())?;
    Some(EventListener::new(&channel, "message", move |event| {
        let Some(text) = event
            .dyn_ref::<web_sys::MessageEvent>()
            .and_then(|e| e.data().as_string())
        else {
            return;
        };
        let Ok(changes) = serde_json::from_str::<Changes>(&text) else {
            return;
        };
        apply_to_mirror(&changes);
        for (key, value) in &changes {
            changed(key, value.as_deref());
        }
    }))
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No IndexedDB at all (blocked by settings, some private modes).
    Unavailable,
    /// A write was refused, almost always for quota.
    WriteRefused,
    /// Another page (a newer version of the app) took the database over.
    Superseded,
}

impl StorageError {
    pub fn message(&self) -> &'static str {
        match self {
            StorageError::Unavailable => {
                "浏览器存储不可用（可能处于隐私模式或禁用了网站数据），草稿只保存在本页中，关闭页面即丢失。请下载备份文件保存。"
            }
            StorageError::Superseded => {
                "本应用已在另一个标签页中更新了浏览器存储，本页不能再保存。请下载备份文件，然后重新载入本页。"
            }
            StorageError::WriteRefused => {
                "浏览器存储空间已满或拒绝写入，最新修改尚未保存。请下载备份文件，并删除不需要的草稿。"
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved this draft since this tab last loaded or saved it.
    Conflict,
    Storage(StorageError),
}

/// A draft as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftSummary {
    pub id: String,
    pub name: String,
    /// RFC 3339, from the file's envelope.
    pub saved_at: String,
    /// Set when the stored text cannot be read as a draft: what is wrong with it.
    pub damaged: Option<String>,
}

fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

fn stamp_key(id: &str) -> String {
    format!("{STAMP_PREFIX}{id}")
}

fn summary_key(id: &str) -> String {
    format!("{SUMMARY_PREFIX}{id}")
}

fn versions_key(id: &str) -> String {
    format!("{VERSIONS_PREFIX}{id}")
}

/// A draft's snapshots; none when it has none yet. Snapshots that cannot be read are
/// reported, never written over.
pub fn load_versions(id: &str) -> Result<Versions, String> {
    match get(&versions_key(id)) {
        None => Ok(Versions::default()),
        Some(text) => Versions::from_json(&text)
            .map_err(|e| format!("{e}。为免丢失，这份草稿的版本记录暂不能修改")),
    }
}

/// Stores a draft's snapshots and settles once they are stored; when they are not, the
/// snapshots read as before.
pub fn save_versions_and_wait(
    id: &str,
    versions: &Versions,
) -> impl std::future::Future<Output = Result<(), StorageError>> {
    write_and_wait(vec![(versions_key(id), Some(versions.to_json()))])
}

pub fn save_versions(id: &str, versions: &Versions) -> Result<(), StorageError> {
    write_behind(
        vec![(versions_key(id), Some(versions.to_json()))],
        Record::Versions,
    )
}

/// The draft id a record key belongs to, for changes made by other tabs.
pub fn draft_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
        .or_else(|| key.strip_prefix(STAMP_PREFIX))
}

/// Whether a record key is the template library's, for changes made by other tabs.
pub fn is_templates_key(key: &str) -> bool {
    key == TEMPLATES
}

/// Every stored draft, newest first. A draft counts as readable only when it opens
/// (the same [`format::from_own_json`] as [`load_draft`]); any other is listed as damaged.
pub fn list_drafts() -> Vec<DraftSummary> {
    MIRROR.with(|m| drafts_in(&m.borrow().records))
}

/// What the list shows of a draft, stored beside it so that listing reads no draft.
/// It holds the stamp and the length of the draft text it was written with: a draft
/// written without it (by an older version of the app, in another tab or before the
/// summaries existed) has another stamp or length, and is read in full instead.
#[derive(Serialize, Deserialize)]
struct StoredSummary {
    stamp: String,
    length: usize,
    name: String,
    saved_at: String,
}

/// The drafts among `records`, newest first: each from its summary when that is there,
/// readable and written with the draft as it is stored; else from the draft's text.
fn drafts_in(records: &BTreeMap<String, String>) -> Vec<DraftSummary> {
    let mut out: Vec<DraftSummary> = records
        .range(DRAFT_PREFIX.to_string()..)
        .take_while(|(key, _)| key.starts_with(DRAFT_PREFIX))
        .map(|(key, text)| {
            let id = &key[DRAFT_PREFIX.len()..];
            let stamp = records.get(&stamp_key(id)).map_or("", String::as_str);
            records
                .get(&summary_key(id))
                .and_then(|summary| serde_json::from_str::<StoredSummary>(summary).ok())
                .filter(|summary| summary.stamp == stamp && summary.length == text.len())
                .map(|summary| DraftSummary {
                    id: id.to_string(),
                    name: summary.name,
                    saved_at: summary.saved_at,
                    damaged: None,
                })
                .unwrap_or_else(|| summary_from_text(id, text))
        })
        .collect();
    report_core::sort::stable_sort_by(&mut out, |a, b| b.saved_at.cmp(&a.saved_at));
    out
}

/// The records by key, inserted one by one: collecting them into the map would sort
/// them first, with a sort compiled for this type alone.
fn by_key(records: Vec<(String, String)>) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    map.extend(records);
    map
}

fn summary_from_text(id: &str, text: &str) -> DraftSummary {
    #[derive(Deserialize)]
    struct Envelope {
        saved_at: String,
    }
    match format::from_own_json(text) {
        Ok(draft) => DraftSummary {
            name: draft.name,
            // Every readable draft has its envelope's saved_at.
            saved_at: serde_json::from_str::<Envelope>(text)
                .map(|e| e.saved_at)
                .unwrap_or_default(),
            damaged: None,
            id: id.to_string(),
        },
        Err(err) => DraftSummary {
            name: format!("无法读取的草稿 {id}"),
            saved_at: String::new(),
            damaged: Some(err.to_string()),
            id: id.to_string(),
        },
    }
}

/// The records that store `draft` under `stamp`: its text, the stamp and its summary,
/// written together so that the summary is the draft's whole or not at all.
fn draft_records(draft: &Draft, stamp: &str, now_ms: f64) -> Changes {
    let text = format::to_compact_json(draft, now_ms);
    let summary = StoredSummary {
        stamp: stamp.to_string(),
        length: text.len(),
        name: draft.name.clone(),
        saved_at: report_core::date::rfc3339_from_unix_ms(now_ms),
    };
    vec![
        (
            summary_key(&draft.id),
            Some(serde_json::to_string(&summary).expect("a summary always serializes")),
        ),
        (draft_key(&draft.id), Some(text)),
        (stamp_key(&draft.id), Some(stamp.to_string())),
    ]
}

/// Loads a draft and the stamp it was saved with.
pub fn load_draft(id: &str) -> Result<(Draft, String), String> {
    let text = get(&draft_key(id))
        .ok_or_else(|| "找不到这份草稿，可能已在其他标签页中删除".to_string())?;
    let draft = format::from_own_json(&text).map_err(|e| format!("草稿无法打开：{e}"))?;
    Ok((draft, stamp(id)))
}

/// The stored text of a draft, readable or not, for a rescue download.
pub fn raw_draft(id: &str) -> Option<String> {
    get(&draft_key(id))
}

/// The stamp of a stored draft; `None` when it is not stored (any more).
pub fn stamp_of(id: &str) -> Option<String> {
    get(&draft_key(id))?;
    Some(stamp(id))
}

fn stamp(id: &str) -> String {
    get(&stamp_key(id)).unwrap_or_default()
}

thread_local! {
    static TAB_ID: String = super::clock::new_id();
    static WRITES: Cell<u64> = const { Cell::new(0) };
}

/// A stamp no other write (of this or another tab) has.
fn next_stamp() -> String {
    TAB_ID.with(|tab| {
        WRITES.with(|n| {
            n.set(n.get() + 1);
            format!("{tab}:{}", n.get())
        })
    })
}

/// Stores restored drafts (each under an id new to storage), their snapshots and the
/// template library in one transaction, settling when it does: all of it is stored, or
/// none (and none of it is shown).
pub fn store_restored(
    drafts: &[DraftWithVersions],
    templates: &[Template],
    now_ms: f64,
) -> impl std::future::Future<Output = Result<(), StorageError>> {
    let mut changes: Changes = Vec::new();
    for entry in drafts {
        changes.extend(draft_records(&entry.draft, &next_stamp(), now_ms));
        changes.push((
            versions_key(&entry.draft.id),
            Some(entry.versions.to_json()),
        ));
    }
    changes.push((TEMPLATES.into(), Some(template_library_json(templates))));
    write_and_wait(changes)
}

/// What a successful save wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stored {
    pub stamp: String,
    /// RFC 3339, as in the envelope.
    pub saved_at: String,
}

/// Saves a draft unless another tab has saved it since `expected_stamp` (the stamp this
/// tab loaded or last wrote; `None` for a draft new to storage).
pub fn save_draft(
    draft: &Draft,
    expected_stamp: Option<&str>,
    now_ms: f64,
) -> Result<Stored, SaveError> {
    let current = stamp(&draft.id);
    if expected_stamp.is_some_and(|expected| expected != current) {
        return Err(SaveError::Conflict);
    }
    let new_stamp = next_stamp();
    write_behind(
        draft_records(draft, &new_stamp, now_ms),
        Record::Draft {
            id: draft.id.clone(),
            stamp: new_stamp.clone(),
        },
    )
    .map_err(SaveError::Storage)?;
    Ok(Stored {
        stamp: new_stamp,
        saved_at: report_core::date::rfc3339_from_unix_ms(now_ms),
    })
}

pub fn delete_draft(id: &str) -> Result<(), StorageError> {
    write_behind(
        vec![
            (draft_key(id), None),
            (stamp_key(id), None),
            (summary_key(id), None),
            (versions_key(id), None),
        ],
        Record::Deletion,
    )
}

pub fn last_opened() -> Option<String> {
    get(LAST_OPENED)
}

pub fn set_last_opened(id: &str) {
    // Losing this only means another draft opens first next time.
    if get(LAST_OPENED).as_deref() != Some(id) {
        let _ = write_behind(
            vec![(LAST_OPENED.into(), Some(id.into()))],
            Record::LastOpened,
        );
    }
}

/// Asks the browser not to evict our storage under pressure. Best effort: the answer
/// changes nothing we do, so the returned promise is not awaited.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
}

/// What the origin stores and may store, in bytes, as the browser estimates it.
pub async fn estimate() -> Option<(f64, f64)> {
    let promise = web_sys::window()?.navigator().storage().estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let bytes = |name: &str| js_sys::Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    Some((bytes("usage")?, bytes("quota")?))
}

/// The user's templates (the built-ins are not stored), in library order.
///
/// The key holds `{"format": "report-drafter.template-library", "version": 1,
/// "templates": [FILE, …]}` where every FILE is a whole template file (`format`,
/// `version`, `template`), so each entry is read, and migrated, by the same code as an
/// imported file. A library that cannot be read is reported, never written over: every
/// change loads it first and stops at this error.
pub fn load_templates() -> Result<Vec<Template>, String> {
    #[derive(Deserialize)]
    struct Library {
        format: String,
        templates: Vec<serde_json::Value>,
    }
    let Some(text) = get(TEMPLATES) else {
        return Ok(Vec::new());
    };
    let damaged =
        |problem: String| format!("模板库无法读取（{problem}），为免丢失，模板库暂不能修改");
    let library: Library =
        serde_json::from_str(&text).map_err(|e| damaged(format!("内容无法识别：{e}")))?;
    if library.format != TEMPLATE_LIBRARY_FORMAT {
        return Err(damaged(format!("格式标识为“{}”", library.format)));
    }
    library
        .templates
        .iter()
        .enumerate()
        .map(|(index, file)| {
            template::file::from_own_json(&file.to_string())
                .map_err(|e| damaged(format!("第 {} 个模板：{e}", index + 1)))
        })
        .collect()
}

/// Writes the whole library; quota errors come back like a draft's.
pub fn save_templates(templates: &[Template]) -> Result<(), StorageError> {
    write_behind(
        vec![(TEMPLATES.into(), Some(template_library_json(templates)))],
        Record::Templates,
    )
}

fn template_library_json(templates: &[Template]) -> String {
    let files: Vec<String> = templates.iter().map(template::to_json).collect();
    format!(
        r#"{{"format":"{TEMPLATE_LIBRARY_FORMAT}","version":1,"templates":[{}]}}"#,
        files.join(",")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(id: &str, name: &str) -> Draft {
        let mut draft = Template::builtin_default().new_draft(id.into(), 2024);
        draft.name = name.into();
        draft
    }

    fn stored(drafts: &[(&Draft, &str, f64)]) -> BTreeMap<String, String> {
        drafts
            .iter()
            .flat_map(|(draft, stamp, now_ms)| draft_records(draft, stamp, *now_ms))
            .map(|(key, text)| (key, text.expect("a write")))
            .collect()
    }

    fn names(records: &BTreeMap<String, String>) -> Vec<(String, Option<String>)> {
        drafts_in(records)
            .into_iter()
            .map(|d| (d.name, d.damaged))
            .collect()
    }

    #[test]
    fn listing_reads_the_summary_written_with_the_draft() {
        let (a, b) = (draft("a", "甲"), draft("b", "乙"));
        let mut records = stored(&[(&a, "t:1", 1.7e12), (&b, "t:2", 1.8e12)]);
        let listed = drafts_in(&records);
        assert_eq!(
            listed.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
            ["b", "a"],
            "newest first"
        );
        assert_eq!(
            listed[0].saved_at,
            report_core::date::rfc3339_from_unix_ms(1.8e12)
        );
        // What the list shows comes from the summary, not from the draft's text.
        let mut summary: StoredSummary = serde_json::from_str(&records[&summary_key("a")]).unwrap();
        summary.name = "摘要中的名称".into();
        records.insert(summary_key("a"), serde_json::to_string(&summary).unwrap());
        assert_eq!(names(&records)[1].0, "摘要中的名称");
    }

    #[test]
    fn a_missing_stale_or_damaged_summary_is_recomputed_from_the_draft() {
        let a = draft("a", "甲");
        let fresh = stored(&[(&a, "t:1", 1.7e12)]);

        let mut missing = fresh.clone();
        missing.remove(&summary_key("a"));
        assert_eq!(names(&missing), [("甲".to_string(), None)]);

        // Another tab running an older version wrote the draft without its summary.
        let mut stale = fresh.clone();
        let renamed = draft("a", "改名后的甲");
        stale.insert(draft_key("a"), format::to_compact_json(&renamed, 1.9e12));
        stale.insert(stamp_key("a"), "other:7".into());
        assert_eq!(names(&stale), [("改名后的甲".to_string(), None)]);
        // Same stamp, another text (the stamp alone would not tell).
        stale.insert(stamp_key("a"), "t:1".into());
        assert_eq!(names(&stale), [("改名后的甲".to_string(), None)]);

        let mut damaged = fresh.clone();
        damaged.insert(summary_key("a"), "{\"stamp\":".into());
        assert_eq!(names(&damaged), [("甲".to_string(), None)]);
    }

    #[test]
    fn a_damaged_draft_is_listed_as_damaged_and_a_summary_alone_lists_nothing() {
        let mut records = stored(&[(&draft("a", "甲"), "t:1", 1.7e12)]);
        records.insert(draft_key("a"), "不是草稿".into());
        let listed = drafts_in(&records);
        assert_eq!(listed.len(), 1);
        assert!(listed[0].damaged.is_some(), "{listed:?}");

        records.remove(&draft_key("a"));
        assert!(drafts_in(&records).is_empty());
    }
}
