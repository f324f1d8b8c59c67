//! The page preview beside the editor.

pub mod preview_pane;
pub mod preview_sheet;
pub mod preview_toggle;
