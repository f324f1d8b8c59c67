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
pub mod section_editor;
pub mod top_bar;

use crate::app::Dispatch;
use yew::prelude::*;

/// The dispatcher from the root's context.
#[hook]
pub fn use_dispatch() -> Dispatch {
    use_context::<Dispatch>().expect("components are rendered inside App")
}
