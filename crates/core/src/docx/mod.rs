//! The official .docx: a draft laid out to GB/T 9704-2012 with docx-rs, then patched
//! where docx-rs 0.4.22 falls short (fonts table, document properties, punctuation,
//! compression). See shared/docs/gongwen-format.md for every number used here.

pub(crate) mod build;
pub mod coverage_table;
pub(crate) mod layout;
mod package;
pub mod read;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use layout::{FontRole, LayoutProfile};

use crate::check::{Location, TextRef};
use crate::empty_parts::{self, EmptyParts};
use crate::meta_field::MetaField;
use crate::model::Draft;
pub(crate) use crate::xml_text::clean_text;

/// Which family of Chinese font names the file asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FontFamily {
    /// 仿宋_GB2312 / 楷体_GB2312, as most 公文 templates name them.
    #[default]
    Gb2312,
    /// 仿宋 / 楷体, which also hold characters outside GB2312.
    Plain,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExportOptions {
    pub profile: LayoutProfile,
    pub fonts: FontFamily,
    /// The red 版头 with 发文机关标志, 发文字号 and 签发人; off for the version published online.
    pub red_header: bool,
    /// Whether the printout will be sealed (盖章), which places 署名 and 成文日期 differently.
    pub sealed: bool,
    /// What is written for a numbered part with no text. Absent from files when it is
    /// the default, so drafts and templates that do not choose are written as before.
    #[serde(default, skip_serializing_if = "EmptyParts::is_default")]
    pub empty_parts: EmptyParts,
}

impl Default for ExportOptions {
    fn default() -> Self {
        ExportOptions {
            profile: LayoutProfile::Portable,
            fonts: FontFamily::Gb2312,
            red_header: true,
            sealed: true,
            empty_parts: EmptyParts::default(),
        }
    }
}

#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("生成 Word 文件时出错：{0}")]
    Package(String),
}

/// Writes the draft as a .docx. `now` is an RFC 3339 timestamp for the file's
/// properties (the core has no clock).
pub fn export(draft: &Draft, options: &ExportOptions, now: &str) -> Result<Vec<u8>, ExportError> {
    let draft = empty_parts::apply(draft, options.empty_parts);
    let xml = build::document(&draft, options).build();
    package::finish(xml, &draft.meta.title, &draft.meta.issuer_name, now)
        .map_err(|e| ExportError::Package(e.to_string()))
}

/// Something a complete document still lacks, and where the user supplies it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Missing {
    /// What is lacking, in Chinese (`成文日期未填写`).
    pub what: String,
    /// The form field, or the section of the draft, that supplies it.
    pub location: Location,
}

impl fmt::Display for Missing {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.what)
    }
}

/// What a complete document still lacks, for the warnings shown before export. Export
/// is never blocked by these.
pub fn missing(draft: &Draft, options: &ExportOptions) -> Vec<Missing> {
    let meta = &draft.meta;
    let mut out = Vec::new();
    let mut need = |empty: bool, what: &str, field: MetaField| {
        if empty {
            out.push(Missing {
                what: format!("{what}未填写"),
                location: Location::Text {
                    target: TextRef::Field { field },
                    range: None,
                },
            });
        }
    };
    need(meta.title.trim().is_empty(), "标题", MetaField::Title);
    need(
        meta.recipients.trim().is_empty(),
        "主送机关",
        MetaField::Recipients,
    );
    if options.red_header {
        need(
            meta.issuer_mark.trim().is_empty(),
            "发文机关标志",
            MetaField::IssuerMark,
        );
        let n = &meta.doc_number;
        // The first of its three fields that is empty is where the user goes.
        let number_field = if n.agency_code.trim().is_empty() {
            Some(MetaField::AgencyCode)
        } else if n.year.is_none() {
            Some(MetaField::DocYear)
        } else if n.serial.is_none() {
            Some(MetaField::DocSerial)
        } else {
            None
        };
        if let Some(field) = number_field {
            need(true, "发文字号（机关代字、年份、序号）", field);
        }
        need(meta.signers.is_empty(), "签发人", MetaField::Signers);
    }
    need(
        meta.signature.trim().is_empty(),
        "发文机关署名",
        MetaField::Signature,
    );
    need(meta.date.is_none(), "成文日期", MetaField::Date);
    need(
        meta.printer.trim().is_empty(),
        "印发机关",
        MetaField::Printer,
    );
    need(meta.print_date.is_none(), "印发日期", MetaField::PrintDate);
    // An empty part is only missing when its heading would be printed alone.
    if options.empty_parts == EmptyParts::KeepHeading {
        for section in empty_parts::empty_parts(draft) {
            out.push(Missing {
                what: format!("“{}”部分没有内容", section.title.trim()),
                location: Location::Section { id: section.id },
            });
        }
    }
    out
}

#[cfg(test)]
mod schema_order;
#[cfg(test)]
pub(crate) mod tests;
