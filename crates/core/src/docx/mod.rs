//! The official .docx: a draft's composed page (GB/T 9704-2012) written with docx-rs, then patched
//! where docx-rs 0.4.22 falls short (fonts table, document properties, punctuation,
//! compression). See docs/gongwen-format.md for every number used here.

mod build;
pub mod coverage_table;
mod layout;
mod package;
pub mod read;
mod tables;

use crate::export_options::ExportOptions;
use crate::model::Draft;

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("生成 Word 文件时出错：{0}")]
    Package(String),
}

/// Writes the draft as a .docx. `now` is an RFC 3339 timestamp for the file's
/// properties (the core has no clock).
pub fn export(draft: &Draft, options: &ExportOptions, now: &str) -> Result<Vec<u8>, ExportError> {
    let xml = build::document(draft, options).build();
    package::finish(xml, &draft.meta.title, &draft.meta.issuer_name, now)
        .map_err(|e| ExportError::Package(e.to_string()))
}

#[cfg(test)]
mod schema_order;
#[cfg(test)]
pub(crate) mod tests;
