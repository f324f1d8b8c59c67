//! 检查与导出.

pub mod export_step;
