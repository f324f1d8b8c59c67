//! 草稿列表: drafts, templates, imports and 版本记录.

pub mod draft_row;
pub mod drafts_view;
pub mod report_importer;
pub mod template_row;
pub mod templates_section;
pub mod versions_panel;
