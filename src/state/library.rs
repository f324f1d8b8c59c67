//! The user's template library and the drafts started from templates: import (never
//! overwriting), save the open draft as a template, delete, and next year's report.
//!
//! Every change loads the stored library, changes it with `report_core`'s
//! [`TemplateLibrary`] and writes it back, so two tabs never undo each other's changes
//! and a library that cannot be read is never written over.

use report_core::template::{self, file::MAX_TEMPLATE_BYTES, AddOutcome};
use report_core::{next_year_draft, Draft, Template, TemplateLibrary};
use yew::prelude::*;

use super::persistence::open_new;
use super::{Action, AppState, Notice, SessionAction};
use crate::adapter::{clock, files, import_worker, storage};

type Dispatcher = UseReducerDispatcher<AppState>;

/// The built-ins followed by the user's templates: everything a new draft can start on.
pub fn all_templates(user: &[Template]) -> Vec<Template> {
    Template::builtins().iter().chain(user).cloned().collect()
}

/// Stores and opens a new draft on `template` for the report on `report_year`.
pub fn new_draft_from(dispatcher: &Dispatcher, template: &Template, report_year: u16) {
    open_new(dispatcher, template.new_draft(clock::new_id(), report_year));
}

/// Reads a picked or dropped file and adds its template to the library.
pub fn import_file(dispatcher: &Dispatcher, file: web_sys::File) {
    let dispatcher = dispatcher.clone();
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match files::read_bytes(file, MAX_TEMPLATE_BYTES).await {
            Ok(bytes) => import_bytes(&dispatcher, &name, &bytes).await,
            Err(message) => refuse(&dispatcher, &name, &message),
        }
    });
}

/// Adds the template in a file, read in the import worker, to the library. A bad file
/// changes nothing and the message names the field and the problem; a name in use asks
/// the user first.
async fn import_bytes(dispatcher: &Dispatcher, file_name: &str, bytes: &[u8]) {
    match import_worker::read_template_file(bytes).await {
        Ok(template) => add(dispatcher, template, format!("已从“{file_name}”导入模板")),
        Err(message) => refuse(dispatcher, file_name, &message),
    }
}

fn refuse(dispatcher: &Dispatcher, file_name: &str, problem: &str) {
    dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(format!(
        "无法从“{file_name}”导入模板：{problem}。模板库没有任何改动。"
    )))));
}

/// The open draft as a template: downloads `<name>.template.json` and adds it to the
/// library.
pub fn save_as_template(dispatcher: &Dispatcher, draft: &Draft, with_body: bool, with_plan: bool) {
    let template = Template::from_draft(
        draft,
        with_body,
        with_plan,
        draft.meta.issuer_name.clone(),
        clock::today(),
    );
    let file_name = files::safe_file_name(&template.name, "template.json");
    let json = template::to_json(&template);
    if let Err(message) = files::download(&file_name, files::JSON_MIME, json.as_bytes()) {
        dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
        return;
    }
    add(dispatcher, template, format!("已下载模板文件“{file_name}”"));
}

/// Adds a template unless its name is taken, in which case the user is asked.
fn add(dispatcher: &Dispatcher, template: Template, done: String) {
    let name = template.name.clone();
    change_library(dispatcher, move |library| {
        match library.add(template.clone()) {
            Ok(AddOutcome::Added(_)) => Ok(Some(format!("{done}，模板“{name}”已加入模板库。"))),
            Ok(AddOutcome::NameExists) => {
                dispatcher.dispatch(Action::from(SessionAction::TemplateNameTaken(template)));
                Ok(None)
            }
            Err(err) => Err(err.to_string()),
        }
    });
}

/// Settles a name clash: keep both (the new one renamed) or replace the user template
/// of that name.
pub fn resolve_clash(dispatcher: &Dispatcher, template: Template, keep_both: bool) {
    change_library(dispatcher, move |library| {
        let result = if keep_both {
            library.add_renamed(template)
        } else {
            library.replace(template)
        };
        let index = result.map_err(|e| e.to_string())?;
        let name = &library.templates[index].name;
        Ok(Some(if keep_both {
            format!("已保留两者，新模板名为“{name}”。")
        } else {
            format!("已替换模板“{name}”。")
        }))
    });
}

pub fn delete(dispatcher: &Dispatcher, name: &str) {
    change_library(dispatcher, |library| {
        library.templates.retain(|t| t.name != name);
        Ok(Some(format!("已删除模板“{name}”。")))
    });
}

/// Loads the library, changes it and stores it. `change` says what to tell the user
/// (`None`: nothing, and nothing is stored) or why it refused.
fn change_library(
    dispatcher: &Dispatcher,
    change: impl FnOnce(&mut TemplateLibrary) -> Result<Option<String>, String>,
) {
    let result = storage::load_templates().and_then(|templates| {
        let mut library = TemplateLibrary { templates };
        let Some(message) = change(&mut library)? else {
            return Ok(None);
        };
        storage::save_templates(&library.templates).map_err(|e| e.message().to_string())?;
        Ok(Some((library.templates, message)))
    });
    match result {
        Ok(Some((templates, message))) => {
            dispatcher.dispatch(Action::from(SessionAction::TemplatesListed(templates)));
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(message))));
        }
        Ok(None) => {}
        Err(message) => {
            dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
        }
    }
}

/// Starts next year's report from a stored draft (the caller saves the open one first);
/// that draft stays as it is.
pub fn start_next_year(dispatcher: &Dispatcher, id: &str) {
    let last_year = match storage::load_draft(id) {
        Ok((draft, _)) => draft,
        Err(message) => {
            return dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::error(message))))
        }
    };
    let draft = next_year_draft(&last_year, clock::new_id());
    let plan = match &draft.plan {
        Some(state) => format!(
            "上一年度“下一年度主要安排”中的 {} 项已列入“计划覆盖”的核对清单。",
            state.plan.items.len()
        ),
        None => "上一年度报告没有可列入核对清单的“下一年度主要安排”。".into(),
    };
    let message = format!(
        "已从“{}”开始 {} 年度报告，原草稿未改动。{plan}",
        last_year.name, draft.report_year
    );
    open_new(dispatcher, draft);
    dispatcher.dispatch(Action::from(SessionAction::Notify(Notice::info(message))));
}
