//! One component per file. Props derive `PartialEq`, so an unchanged part of the page
//! is not re-rendered while the user types elsewhere.

pub mod draft_row;
pub mod drafts_view;
pub mod export_step;
pub mod meta_form;
pub mod meta_input;
pub mod node_editor;
pub mod notice_bar;
pub mod outline_nav;
pub mod preview_pane;
pub mod preview_sheet;
pub mod preview_toggle;
pub mod section_editor;
pub mod top_bar;

use std::rc::Rc;

use report_core::Draft;
use yew::prelude::*;

use crate::app::Dispatch;
use crate::state::persistence::download_backup;
use crate::state::{Action, Notice};

/// The dispatcher from the root's context.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
}

/// A click handler that downloads `draft` as a backup file, or says why it cannot.
#[hook]
pub fn use_backup_download(draft: Rc<Draft>) -> Callback<MouseEvent> {
    let dispatch = use_dispatch();
    Callback::from(move |_| {
        if let Err(message) = download_backup(&draft) {
            dispatch.dispatch(Action::Notify(Notice::error(message)));
        }
    })
}
