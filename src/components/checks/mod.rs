//! 格式检查: the check panel and its findings.

pub mod check_panel;
pub mod finding_item;
pub mod finding_list;
