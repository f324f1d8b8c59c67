//! Writing the draft: 基本信息, the outline's sections and nodes, the attachment table.

pub mod meta_form;
pub mod meta_input;
pub mod node_editor;
pub mod report_year_input;
pub mod section_editor;
pub mod table_row_editor;
pub mod table_step;
