//! Drafts in `localStorage`, one key per draft, plus a small stamp per draft so that
//! two tabs never silently overwrite each other.
//!
//! Keys (versioned, so a future layout can live beside this one):
//! - `report-drafter.v1.draft.<id>`: the draft in its versioned JSON form;
//! - `report-drafter.v1.stamp.<id>`: who wrote it last (`<tab>:<counter>`);
//! - `report-drafter.v1.last-opened`: the id to reopen on load;
//! - `report-drafter.v1.templates`: the user's template library (see [`load_templates`]).
//!
//! A key that cannot be read is never written over: it is listed as damaged and its
//! raw text can still be downloaded.

use std::cell::Cell;

use report_core::{format, template, Draft, Template};
use serde::Deserialize;
use web_sys::Storage;

const DRAFT_PREFIX: &str = "report-drafter.v1.draft.";
const STAMP_PREFIX: &str = "report-drafter.v1.stamp.";
const LAST_OPENED: &str = "report-drafter.v1.last-opened";
const TEMPLATES: &str = "report-drafter.v1.templates";
const TEMPLATE_LIBRARY_FORMAT: &str = "report-drafter.template-library";

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` at all (blocked by settings, some private modes).
    Unavailable,
    /// A write was refused, almost always for quota.
    WriteRefused,
}

impl StorageError {
    pub fn message(&self) -> &'static str {
        match self {
            StorageError::Unavailable => {
                "浏览器存储不可用（可能处于隐私模式或禁用了网站数据），草稿只保存在本页中，关闭页面即丢失。请下载备份文件保存。"
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

fn storage() -> Result<Storage, StorageError> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .ok_or(StorageError::Unavailable)
}

fn draft_key(id: &str) -> String {
    format!("{DRAFT_PREFIX}{id}")
}

fn stamp_key(id: &str) -> String {
    format!("{STAMP_PREFIX}{id}")
}

/// The draft id a storage key belongs to, for `storage` events from other tabs.
pub fn draft_id_of_key(key: &str) -> Option<&str> {
    key.strip_prefix(DRAFT_PREFIX)
        .or_else(|| key.strip_prefix(STAMP_PREFIX))
}

/// Whether a storage key is the template library's, for `storage` events.
pub fn is_templates_key(key: &str) -> bool {
    key == TEMPLATES
}

/// Every stored draft, newest first.
pub fn list_drafts() -> Result<Vec<DraftSummary>, StorageError> {
    #[derive(Deserialize)]
    struct Envelope {
        saved_at: String,
        draft: Named,
    }
    #[derive(Deserialize)]
    struct Named {
        name: String,
    }
    let storage = storage()?;
    let count = storage.length().map_err(|_| StorageError::Unavailable)?;
    let mut out = Vec::new();
    for index in 0..count {
        let Some(key) = storage.key(index).ok().flatten() else {
            continue;
        };
        let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
            continue;
        };
        let text = storage.get_item(&key).ok().flatten().unwrap_or_default();
        out.push(match serde_json::from_str::<Envelope>(&text) {
            Ok(e) => DraftSummary {
                id: id.to_string(),
                name: e.draft.name,
                saved_at: e.saved_at,
                damaged: None,
            },
            Err(_) => DraftSummary {
                id: id.to_string(),
                name: format!("无法读取的草稿 {id}"),
                saved_at: String::new(),
                damaged: Some(
                    format::from_json(&text)
                        .err()
                        .map_or_else(|| "内容无法识别".into(), |e| e.to_string()),
                ),
            },
        });
    }
    out.sort_by(|a, b| b.saved_at.cmp(&a.saved_at));
    Ok(out)
}

/// Loads a draft and the stamp it was saved with.
pub fn load_draft(id: &str) -> Result<(Draft, String), String> {
    let storage = storage().map_err(|e| e.message().to_string())?;
    let text = storage
        .get_item(&draft_key(id))
        .ok()
        .flatten()
        .ok_or_else(|| "找不到这份草稿，可能已在其他标签页中删除".to_string())?;
    let draft = format::from_json(&text).map_err(|e| format!("草稿无法打开：{e}"))?;
    Ok((draft, stamp(&storage, id)))
}

/// The stored text of a draft, readable or not, for a rescue download.
pub fn raw_draft(id: &str) -> Option<String> {
    storage().ok()?.get_item(&draft_key(id)).ok().flatten()
}

/// The stamp of a stored draft; `None` when it is not stored (any more).
pub fn stamp_of(id: &str) -> Option<String> {
    let storage = storage().ok()?;
    storage.get_item(&draft_key(id)).ok().flatten()?;
    Some(stamp(&storage, id))
}

fn stamp(storage: &Storage, id: &str) -> String {
    storage
        .get_item(&stamp_key(id))
        .ok()
        .flatten()
        .unwrap_or_default()
}

thread_local! {
    static TAB_ID: String = super::clock::new_id();
    static WRITES: Cell<u64> = const { Cell::new(0) };
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
    let storage = storage().map_err(SaveError::Storage)?;
    let current = stamp(&storage, &draft.id);
    if expected_stamp.is_some_and(|expected| expected != current) {
        return Err(SaveError::Conflict);
    }
    let new_stamp = TAB_ID.with(|tab| {
        WRITES.with(|n| {
            n.set(n.get() + 1);
            format!("{tab}:{}", n.get())
        })
    });
    let refused = SaveError::Storage(StorageError::WriteRefused);
    storage
        .set_item(
            &draft_key(&draft.id),
            &format::to_compact_json(draft, now_ms),
        )
        .map_err(|_| refused.clone())?;
    storage
        .set_item(&stamp_key(&draft.id), &new_stamp)
        .map_err(|_| refused)?;
    Ok(Stored {
        stamp: new_stamp,
        saved_at: report_core::date::rfc3339_from_unix_ms(now_ms),
    })
}

pub fn delete_draft(id: &str) -> Result<(), StorageError> {
    let storage = storage()?;
    storage
        .remove_item(&draft_key(id))
        .and_then(|_| storage.remove_item(&stamp_key(id)))
        .map_err(|_| StorageError::WriteRefused)
}

pub fn last_opened() -> Option<String> {
    storage().ok()?.get_item(LAST_OPENED).ok().flatten()
}

pub fn set_last_opened(id: &str) {
    // Losing this only means another draft opens first next time.
    if let Ok(storage) = storage() {
        let _ = storage.set_item(LAST_OPENED, id);
    }
}

/// Asks the browser not to evict our storage under pressure. Best effort: the answer
/// changes nothing we do, so the returned promise is not awaited.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().storage().persist();
    }
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
    let storage = storage().map_err(|e| e.message().to_string())?;
    let Some(text) = storage.get_item(TEMPLATES).ok().flatten() else {
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
            template::from_json(&file.to_string())
                .map_err(|e| damaged(format!("第 {} 个模板：{e}", index + 1)))
        })
        .collect()
}

/// Writes the whole library; quota errors come back like a draft's.
pub fn save_templates(templates: &[Template]) -> Result<(), StorageError> {
    let files: Vec<String> = templates.iter().map(template::to_json).collect();
    let text = format!(
        r#"{{"format":"{TEMPLATE_LIBRARY_FORMAT}","version":1,"templates":[{}]}}"#,
        files.join(",")
    );
    storage()?
        .set_item(TEMPLATES, &text)
        .map_err(|_| StorageError::WriteRefused)
}
