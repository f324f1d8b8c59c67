use std::rc::Rc;

use report_core::Draft;
use yew::prelude::*;

use super::use_dispatch;
use crate::adapter::worker::{self, OfficeFile};
use crate::adapter::{clock, files};
use crate::state::persistence::download_backup;
use crate::state::{Action, Notice, SessionAction};

/// An Office file made in the worker and downloaded: the callback takes the app state's
/// revision of the draft, the draft and the file name without its extension; the flag is
/// true while one is being made (a second click meanwhile does nothing), and a failure is
/// a notice led by `failure`.
#[hook]
pub fn use_file_download(
    kind: OfficeFile,
    failure: &'static str,
) -> (Callback<(u64, Rc<Draft>, String)>, bool) {
    let dispatch = use_dispatch();
    let busy = use_state(|| false);
    let start = {
        let busy = busy.clone();
        Callback::from(move |(revision, draft, name): (u64, Rc<Draft>, String)| {
            if *busy {
                return;
            }
            busy.set(true);
            let (busy, dispatch) = (busy.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = worker::export_file(kind, revision, &draft, clock::now_ms())
                    .await
                    .and_then(|bytes| {
                        files::download(
                            &files::safe_file_name(&name, kind.extension()),
                            kind.mime(),
                            &bytes,
                        )
                    });
                busy.set(false);
                if let Err(message) = result {
                    dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(format!(
                        "{failure}：{message}"
                    )))));
                }
            });
        })
    };
    (start, *busy)
}

/// A click handler that downloads `draft` as a backup file, or says why it cannot.
#[hook]
pub fn use_backup_download(draft: Rc<Draft>) -> Callback<MouseEvent> {
    let dispatch = use_dispatch();
    Callback::from(move |_| {
        if let Err(message) = download_backup(&draft) {
            dispatch.dispatch(Action::from(SessionAction::Notify(Notice::error(message))));
        }
    })
}
