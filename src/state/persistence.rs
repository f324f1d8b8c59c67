//! Keeps the open draft in storage: throttled autosave, a save when the page is hidden
//! or closed, Ctrl+S, and changes made by other tabs.
//!
//! Autosave is a throttle, not a debounce: the first unsaved edit starts a timer and
//! the save writes whatever is newest when it fires, so steady typing is saved every
//! [`SAVE_DELAY_MS`] and a killed tab loses at most that much and
//! [`SAVE_IDLE_WAIT_MS`]. The save (the whole draft serialised) waits for the page to
//! be idle, so that it runs between keystrokes and frames, not in the way of either.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::timers::callback::Timeout;
use report_core::template::default_draft;
use report_core::versions::Reason;
use report_core::{Draft, Template};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{versions, Action, AppState, NavAction, Notice, SaveState, SessionAction};
use crate::adapter::chunk::{in_chunk, LoadFailed};
use crate::adapter::storage::{self, Record, SaveError, StorageError};
use crate::adapter::{clock, files, import_worker};

pub const SAVE_DELAY_MS: u32 = 500;

/// The longest a due save waits for the page to be idle.
pub const SAVE_IDLE_WAIT_MS: u32 = 250;

/// The state a tab starts with: the last-opened draft, else the newest, else a new one.
/// The user's templates are read later, in the chunk ([`load_library`]).
pub fn initial_state() -> AppState {
    storage::request_persistence();
    let mut state = initial_draft_state();
    if let Some((error, text)) = storage::take_opening_notice() {
        state.notice = Some(Notice { error, text });
    }
    state
}

in_chunk! {
    /// The user's template library as stored: its reader is in the chunk.
    fn user_templates() -> Result<Vec<Template>, String> {
        storage::load_templates()
    }
}

in_chunk! {
    /// Stores a snapshot of `draft` (see [`versions::take`]): the 版本记录's code is in the
    /// chunk.
    fn take_snapshot(draft: Rc<Draft>, reason: Reason) -> Result<bool, String> {
        versions::take(&draft, reason, "")
    }
}

/// Reads the user's template library, in the chunk (which this loads, if it is not in
/// yet), into the state, and makes the reducer's edits in the chunk ready (a paste is
/// one). A library that cannot be read is reported, and stays as stored.
pub fn load_library(dispatcher: &UseReducerDispatcher<AppState>) {
    let dispatcher = dispatcher.clone();
    wasm_bindgen_futures::spawn_local(async move {
        // Nothing asked for it: what needs the chunk later tries again and says so.
        if super::load_chunk_edits().await.is_err() {
            return;
        }
        let action = match user_templates().await {
            Ok(Ok(templates)) => SessionAction::TemplatesListed(templates),
            Ok(Err(message)) => SessionAction::Notify(Notice::error(message)),
            Err(LoadFailed) => return,
        };
        dispatcher.dispatch(Action::from(action));
    });
}

fn initial_draft_state() -> AppState {
    let drafts = storage::list_drafts();
    let readable = |id: &String| drafts.iter().any(|d| &d.id == id && d.damaged.is_none());
    let candidates = storage::last_opened().filter(readable).into_iter().chain(
        drafts
            .iter()
            .filter(|d| d.damaged.is_none())
            .map(|d| d.id.clone()),
    );
    for id in candidates {
        if let Ok((draft, stamp)) = storage::load_draft(&id) {
            storage::set_last_opened(&id);
            return AppState::new(draft, Some(stamp), drafts);
        }
    }
    // A first visit: nothing is stored until the user says which year the report is about.
    let mut state = AppState::new(new_draft(clock::default_report_year()), None, Vec::new());
    state.ask_year = Some(state.draft.report_year);
    state
}

/// A new draft on the default template, for the report on `report_year`.
pub fn new_draft(report_year: u16) -> Draft {
    default_draft(clock::new_id(), report_year)
}

/// Stores a snapshot of `draft` (in the chunk); what went wrong, for a notice.
async fn snapshot_failure(draft: Rc<Draft>, reason: Reason) -> Option<String> {
    match take_snapshot(draft, reason).await {
        Ok(Ok(_)) => None,
        Ok(Err(message)) => Some(message),
        Err(LoadFailed) => Some(format!("版本记录未能保存：{}", LoadFailed::MESSAGE)),
    }
}

/// Stores a draft new to storage and builds the state that has it open. A draft that
/// could not be stored stays open in memory with the reason shown.
fn stored_state(draft: Draft) -> (AppState, Option<String>) {
    match storage::save_draft(&draft, None, clock::now_ms()) {
        Ok(stored) => {
            storage::set_last_opened(&draft.id);
            let drafts = storage::list_drafts();
            (AppState::new(draft, Some(stored.stamp), drafts), None)
        }
        Err(err) => {
            let message = save_error_message(&err);
            let mut state = AppState::new(draft, None, Vec::new());
            state.save = SaveState::Failed(message.clone());
            (state, Some(message))
        }
    }
}

fn save_error_message(err: &SaveError) -> String {
    match err {
        SaveError::Conflict => "这份草稿已在另一个标签页中修改".into(),
        SaveError::Storage(e) => e.message().into(),
    }
}

/// Stores `draft` as a new draft and opens it (create, duplicate, restore).
pub fn open_new(dispatcher: &UseReducerDispatcher<AppState>, draft: Draft) {
    let (state, failure) = stored_state(draft);
    dispatcher.dispatch(Action::from(SessionAction::Open {
        draft: (*state.draft).clone(),
        stamp: state.stamp,
        drafts: state.drafts,
    }));
    if let Some(message) = failure {
        dispatcher.dispatch(Action::from(SessionAction::SaveFailed(message)));
    }
}

/// Opens a stored draft.
pub fn open_stored(dispatcher: &UseReducerDispatcher<AppState>, id: &str) {
    match storage::load_draft(id) {
        Ok((draft, stamp)) => {
            storage::set_last_opened(id);
            dispatcher.dispatch(Action::from(SessionAction::Open {
                draft,
                stamp: Some(stamp),
                drafts: storage::list_drafts(),
            }));
        }
        Err(message) => {
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
        }
    }
}

/// Downloads the open draft as a backup file.
pub fn download_backup(draft: &Draft) -> Result<(), String> {
    let json = report_core::to_json(draft, clock::now_ms());
    let name = files::safe_file_name(&format!("{}-备份", draft.name), "json");
    files::download(&name, files::JSON_MIME, json.as_bytes())
}

/// Writes the open draft now if it has unsaved edits.
fn save_now(state: &AppState, dispatcher: &UseReducerDispatcher<AppState>) {
    if !state.unsaved() || state.save == SaveState::Conflict {
        return;
    }
    match storage::save_draft(&state.draft, state.stamp.as_deref(), clock::now_ms()) {
        Ok(stored) => {
            storage::set_last_opened(&state.draft.id);
            dispatcher.dispatch(Action::from(SessionAction::Saved {
                revision: state.revision,
                stamp: stored.stamp,
                saved_at: stored.saved_at,
            }));
        }
        Err(SaveError::Conflict) => dispatcher.dispatch(Action::from(SessionAction::Conflict)),
        Err(SaveError::Storage(err)) => dispatcher.dispatch(Action::from(
            SessionAction::SaveFailed(err.message().into()),
        )),
    }
}

/// Autosaves the open draft and follows other tabs. Returns a callback that saves now,
/// for anything that must not lose the latest edits (switching drafts).
#[hook]
pub fn use_persistence(state: &UseReducerHandle<AppState>) -> Callback<()> {
    let dispatcher = state.dispatcher();
    // Timers and listeners outlive a render; they read the newest state from here.
    let latest = use_mut_ref(|| (**state).clone());
    *latest.borrow_mut() = (**state).clone();
    let save = {
        let latest = latest.clone();
        let dispatcher = dispatcher.clone();
        use_callback((), move |(), _| save_now(&latest.borrow(), &dispatcher))
    };

    // Shared with forgotten timers: `scheduled` while one is pending, `alive` until
    // unmount, after which a late timer does nothing (the unmount saved already).
    let flags = use_mut_ref(|| (Rc::new(Cell::new(false)), Rc::new(Cell::new(true))));
    {
        let save = save.clone();
        let (scheduled, alive) = flags.borrow().clone();
        let wants_save = state.unsaved() && state.save != SaveState::Conflict;
        use_effect_with(
            (state.revision, state.stamp.clone(), wants_save),
            move |_| {
                if wants_save && !scheduled.replace(true) {
                    Timeout::new(SAVE_DELAY_MS, move || {
                        clock::when_idle(SAVE_IDLE_WAIT_MS, move || {
                            scheduled.set(false);
                            if alive.get() {
                                save.emit(());
                            }
                        })
                    })
                    .forget();
                }
            },
        );
    }

    {
        let dispatcher = dispatcher.clone();
        use_effect_with(state.pending_snapshot.clone(), move |pending| {
            if let Some((draft, reason)) = pending.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(message) = snapshot_failure(draft, reason).await {
                        dispatcher
                            .dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
                    }
                    dispatcher.dispatch(Action::from(SessionAction::SnapshotTaken));
                });
            }
        });
    }

    // After a pause in editing, an automatic snapshot (a debounce: each edit restarts it).
    let pause = use_mut_ref(|| None::<Timeout>);
    {
        let latest = latest.clone();
        let dispatcher = dispatcher.clone();
        use_effect_with(state.revision, move |_| {
            *pause.borrow_mut() = Some(Timeout::new(versions::PAUSE_MS, move || {
                let draft = latest.borrow().draft.clone();
                let dispatcher = dispatcher.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if let Some(message) = snapshot_failure(draft, Reason::Pause).await {
                        dispatcher
                            .dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
                    }
                });
            }));
        });
    }

    {
        let save = save.clone();
        let latest = latest.clone();
        let dispatcher = dispatcher.clone();
        let alive = flags.borrow().1.clone();
        use_effect_with((), move |_| {
            let window = gloo::utils::window();
            let document = gloo::utils::document();
            let on_hide = {
                let save = save.clone();
                move |_: &Event| save.emit(())
            };
            let pagehide = EventListener::new(&window, "pagehide", on_hide.clone());
            let visibility = {
                let document2 = document.clone();
                EventListener::new(&document, "visibilitychange", move |e| {
                    if document2.hidden() {
                        on_hide(e)
                    }
                })
            };
            let ctrl_s = EventListener::new_with_options(
                &window,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                {
                    let save = save.clone();
                    move |e: &Event| {
                        let Some(key) = e.dyn_ref::<KeyboardEvent>() else {
                            return;
                        };
                        if (key.ctrl_key() || key.meta_key()) && key.key().eq_ignore_ascii_case("s")
                        {
                            key.prevent_default();
                            save.emit(());
                        }
                    }
                },
            );
            {
                let dispatcher = dispatcher.clone();
                storage::on_write_settled(move |record, outcome| {
                    if let Some(action) = settled_action(record, outcome) {
                        dispatcher.dispatch(action);
                    }
                });
            }
            {
                let dispatcher = dispatcher.clone();
                storage::on_superseded(move || {
                    dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(
                        StorageError::Superseded.message(),
                    ))))
                });
            }
            let other_tabs = storage::on_change_elsewhere(move |key, new_value| {
                on_change_elsewhere(key, new_value, &latest, &dispatcher)
            });
            move || {
                drop((pagehide, visibility, ctrl_s, other_tabs));
                save.emit(());
                alive.set(false);
            }
        });
    }
    save
}

/// What the app does when a write it did not wait for settles: a draft write moves the
/// draft's save state; a refused write of anything else is told with what it held.
fn settled_action(record: Record, outcome: Result<(), StorageError>) -> Option<Action> {
    if let Record::Draft { id, stamp } = record {
        return Some(match outcome {
            Ok(()) => Action::from(SessionAction::DraftWriteCommitted { id, stamp }),
            Err(err) => Action::from(SessionAction::DraftWriteRefused {
                id,
                message: err.message().into(),
            }),
        });
    }
    let refused = outcome.err()?;
    let lost = match record {
        Record::Draft { .. } => return None,
        Record::Versions => "最新的版本记录未能保存",
        Record::LastOpened => "未能记下最后打开的是哪份草稿（下次打开时可能先显示另一份）",
        Record::Templates => "模板库的修改未能保存，重新载入后模板库将是修改前的样子",
        Record::Deletion => "草稿未能删除，重新载入后它仍会出现",
    };
    Some(Action::from(SessionAction::Notify(Notice::error(format!(
        "{lost}：{}",
        refused.message()
    )))))
}

/// Another tab wrote record `key`. Only its final write (the stamp, written after the
/// draft) of the open draft matters; any draft change refreshes the list, and so does
/// a change of the template library.
fn on_change_elsewhere(
    key: &str,
    new_value: Option<&str>,
    latest: &Rc<RefCell<AppState>>,
    dispatcher: &UseReducerDispatcher<AppState>,
) {
    if storage::is_templates_key(key) {
        load_library(dispatcher);
        return;
    }
    let Some(id) = storage::draft_id_of_key(key) else {
        return;
    };
    dispatcher.dispatch(Action::from(SessionAction::DraftsListed(
        storage::list_drafts(),
    )));
    let state = latest.borrow().clone();
    if id != state.draft.id || !key.contains(".stamp.") {
        return;
    }
    match new_value {
        None => {
            // Deleted elsewhere: keep the text here and store it again, nothing is lost.
            dispatcher.dispatch(Action::from(SessionAction::KeepMine { stamp: None }));
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(
                "这份草稿已在另一个标签页中删除；本页内容仍然保留并已重新保存。",
            ))));
        }
        Some(_) if state.unsaved() => dispatcher.dispatch(Action::from(SessionAction::Conflict)),
        Some(_) => match storage::load_draft(id) {
            Ok((draft, stamp)) => {
                dispatcher.dispatch(Action::from(SessionAction::ReloadedFromOtherTab {
                    draft,
                    stamp,
                }))
            }
            Err(message) => {
                dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
            }
        },
    }
}

/// Resolves a conflict by loading the other tab's version.
pub fn take_theirs(dispatcher: &UseReducerDispatcher<AppState>, id: &str) {
    match storage::load_draft(id) {
        Ok((draft, stamp)) => {
            dispatcher.dispatch(Action::from(SessionAction::ReloadedFromOtherTab {
                draft,
                stamp,
            }))
        }
        Err(message) => {
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
        }
    }
}

/// Resolves a conflict by keeping this tab's version: its next save overwrites.
pub fn keep_mine(dispatcher: &UseReducerDispatcher<AppState>, id: &str) {
    dispatcher.dispatch(Action::from(SessionAction::KeepMine {
        stamp: storage::stamp_of(id),
    }));
}

/// Renames a draft that is not open (the open one is renamed through its state).
pub fn rename_stored(dispatcher: &UseReducerDispatcher<AppState>, id: &str, name: String) {
    let result = storage::load_draft(id).and_then(|(mut draft, stamp)| {
        draft.name = name;
        storage::save_draft(&draft, Some(&stamp), clock::now_ms())
            .map_err(|e| save_error_message(&e))
    });
    finish_list_change(dispatcher, result.map(|_| None));
}

/// Stores a copy of a draft (the stored version: the caller saves the open one first).
pub fn duplicate_stored(dispatcher: &UseReducerDispatcher<AppState>, id: &str) {
    let result = storage::load_draft(id).and_then(|(draft, _)| {
        let copy = draft.duplicate(clock::new_id(), format!("{}（副本）", draft.name));
        storage::save_draft(&copy, None, clock::now_ms())
            .map(|_| Some(format!("已复制为“{}”", copy.name)))
            .map_err(|e| save_error_message(&e))
    });
    finish_list_change(dispatcher, result);
}

/// Deletes a draft. Deleting the open one opens the newest other draft, or a new one.
pub fn delete_stored(dispatcher: &UseReducerDispatcher<AppState>, id: &str, open_id: &str) {
    if let Err(err) = storage::delete_draft(id) {
        dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(
            err.message(),
        ))));
        return;
    }
    if id != open_id {
        return finish_list_change(dispatcher, Ok(None));
    }
    let next = storage::list_drafts()
        .into_iter()
        .find(|d| d.damaged.is_none());
    match next {
        Some(next) => open_stored(dispatcher, &next.id),
        None => open_new(dispatcher, new_draft(clock::default_report_year())),
    }
    dispatcher.dispatch(Action::from(NavAction::ShowDrafts(true)));
}

fn finish_list_change(
    dispatcher: &UseReducerDispatcher<AppState>,
    result: Result<Option<String>, String>,
) {
    match result {
        Ok(message) => {
            dispatcher.dispatch(Action::from(SessionAction::DraftsListed(
                storage::list_drafts(),
            )));
            if let Some(message) = message {
                dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(message))));
            }
        }
        Err(message) => {
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
        }
    }
}

/// Restores a backup file as a new draft, read in the import worker; existing drafts are
/// never touched.
pub async fn restore_backup(
    dispatcher: &UseReducerDispatcher<AppState>,
    file_name: &str,
    bytes: &[u8],
) {
    match import_worker::read_draft_file(bytes).await {
        Ok(draft) => {
            let name = format!("{}（恢复）", draft.name);
            open_new(dispatcher, draft.duplicate(clock::new_id(), name));
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(format!(
                "已从“{file_name}”恢复为新草稿。"
            )))));
        }
        Err(err) => dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(
            format!("无法从“{file_name}”恢复：{err}。现有草稿没有任何改动。"),
        )))),
    }
}

/// Offers the raw stored text of a draft that cannot be read, so nothing is lost.
pub fn download_raw(id: &str) -> Result<(), String> {
    let text = storage::raw_draft(id).ok_or("找不到这份草稿的存储内容")?;
    files::download(
        &files::safe_file_name(&format!("无法读取的草稿-{id}"), "json"),
        files::JSON_MIME,
        text.as_bytes(),
    )
}
