//! 完整备份: every draft with its 版本记录 and the user's templates in one file, and
//! restoring such a file, which adds to what is stored and never overwrites.

use report_core::backup::{self, DraftWithVersions, MAX_BACKUP_BYTES};
use report_core::versions::Versions;
use report_core::TemplateLibrary;

use super::{Action, Dispatch, Notice, SessionAction};
use crate::adapter::{clock, files, import_worker, storage};

/// Downloads the backup of everything stored (the caller saves the open draft first).
/// Drafts that cannot be read are left out and named: each has its own raw download. A
/// readable draft whose 版本记录 cannot be read is kept, without them, and named.
pub fn download(dispatcher: &Dispatch) {
    let summaries = storage::list_drafts();
    let mut drafts = Vec::new();
    let mut left_out = Vec::new();
    let mut without_versions = Vec::new();
    for summary in &summaries {
        let Ok((draft, _)) = storage::load_draft(&summary.id) else {
            left_out.push(summary.name.clone());
            continue;
        };
        let versions = storage::load_versions(&draft.id).unwrap_or_else(|_| {
            without_versions.push(summary.name.clone());
            Versions::default()
        });
        drafts.push(DraftWithVersions { draft, versions });
    }
    let templates = match storage::load_templates() {
        Ok(templates) => templates,
        Err(message) => {
            return dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
        }
    };
    let json = backup::to_json(&drafts, &templates, clock::now_ms());
    let name = files::safe_file_name(
        &format!("法治政府建设报告-完整备份-{}", clock::today()),
        "json",
    );
    if let Err(message) = files::download(&name, files::JSON_MIME, json.as_bytes()) {
        return dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
    }
    let mut message = format!(
        "已下载完整备份“{name}”：{} 份草稿（含版本记录）、{} 个模板。",
        drafts.len(),
        templates.len()
    );
    if !without_versions.is_empty() {
        message.push_str(&format!(
            "以下草稿的版本记录无法读取，备份中只有草稿本身、没有版本记录（{}）。",
            without_versions.join("、")
        ));
    }
    if !left_out.is_empty() {
        message.push_str(&format!(
            "无法读取的草稿未包含在内（{}），请在草稿列表中单独下载其原始内容。",
            left_out.join("、")
        ));
    }
    dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(message))));
}

/// Reads a picked backup file and restores it.
pub fn restore_file(dispatcher: &Dispatch, file: web_sys::File) {
    let dispatcher = dispatcher.clone();
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match files::read_bytes(file, MAX_BACKUP_BYTES).await {
            Ok(bytes) => restore(&dispatcher, &name, &bytes).await,
            Err(message) => refuse(&dispatcher, &name, &message),
        }
    });
}

fn refuse(dispatcher: &Dispatch, file_name: &str, problem: &str) {
    dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(format!(
        "无法从“{file_name}”恢复：{problem}。现有草稿和模板没有任何改动。"
    )))));
}

/// Adds every draft of a backup under a new id (a name already used gets （恢复）) and
/// every template (a name in use keeps both, as an import does), all in one write, and
/// says so once the write is stored.
pub async fn restore(dispatcher: &Dispatch, file_name: &str, bytes: &[u8]) {
    let backup = match import_worker::read_backup_file(bytes).await {
        Ok(backup) => backup,
        Err(message) => return refuse(dispatcher, file_name, &message),
    };
    let mut library = match storage::load_templates() {
        Ok(templates) => TemplateLibrary { templates },
        Err(message) => return refuse(dispatcher, file_name, &message),
    };
    let mut names: Vec<String> = storage::list_drafts().into_iter().map(|d| d.name).collect();
    let mut drafts = Vec::new();
    for entry in backup.drafts {
        let name = backup::free_draft_name(&entry.draft.name, |n| names.iter().any(|t| t == n));
        names.push(name.clone());
        drafts.push(DraftWithVersions {
            draft: entry.draft.duplicate(clock::new_id(), name),
            versions: entry.versions,
        });
    }
    let template_count = backup.templates.len();
    for template in backup.templates {
        let added = match library.add(template.clone()) {
            Ok(report_core::template::AddOutcome::NameExists) => {
                library.add_renamed(template).map(drop)
            }
            other => other.map(drop),
        };
        if let Err(err) = added {
            return refuse(dispatcher, file_name, &err.to_string());
        }
    }
    let stored = storage::store_restored(&drafts, &library.templates, clock::now_ms()).await;
    if let Err(err) = stored {
        return refuse(dispatcher, file_name, err.message());
    }
    dispatcher.dispatch(Action::from(SessionAction::DraftsListed(
        storage::list_drafts(),
    )));
    dispatcher.dispatch(Action::from(SessionAction::TemplatesListed(
        library.templates,
    )));
    dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(format!(
        "已从“{file_name}”恢复 {} 份草稿（含版本记录）和 {template_count} 个模板，均为新增，现有草稿和模板没有改动。",
        drafts.len()
    )))));
}
