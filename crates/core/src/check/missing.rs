//! What a complete document still lacks (an empty 标题, no 成文日期, a numbered part
//! without content), listed before export; export is never blocked by it.

use std::fmt;

use super::{Location, TextRef};
use crate::empty_parts::{self, EmptyParts};
use crate::export_options::ExportOptions;
use crate::meta_field::MetaField;
use crate::model::Draft;

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
mod tests {
    use super::*;
    use crate::template::Template;

    #[test]
    fn what_is_missing_is_listed_for_the_user() {
        let jiaxing =
            crate::from_json(include_str!("../../tests/fixtures/draft-jiaxing-2022.json")).unwrap();
        let draft = Template::builtin_default().new_draft("x".into(), 2025);
        let listed = missing(&draft, &ExportOptions::default());
        for want in [
            "主送机关未填写",
            "成文日期未填写",
            "签发人未填写",
            "部分没有内容",
        ] {
            assert!(
                listed.iter().any(|m| m.what.contains(want)),
                "{want}: {listed:?}"
            );
        }
        assert!(missing(&jiaxing, &ExportOptions::default()).is_empty());
    }
}
