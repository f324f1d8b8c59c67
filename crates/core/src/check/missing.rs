//! What a complete document still lacks (an empty 标题, no 成文日期, a numbered part
//! with no text), listed apart in 检查与导出 before export; export is never blocked by
//! it, so every finding here is a 提示, except to the checker (below).

use super::content::is_required_part;
use super::{Finding, Location, Severity, TextRef};
use crate::empty_parts::empty_parts;
use crate::export_options::ExportOptions;
use crate::meta_field::MetaField;
use crate::model::Draft;
use crate::rules::Rule;

/// Adds what the document written with `options` still lacks, each with the form field
/// or the section that supplies it.
pub(super) fn check(draft: &Draft, options: &ExportOptions, out: &mut Vec<Finding>) {
    let meta = &draft.meta;
    let mut need = |empty: bool, rule: Rule, what: &str, field: MetaField| {
        if empty {
            out.push(Finding {
                rule,
                severity: Severity::Warning,
                location: Location::Text {
                    target: TextRef::Field { field },
                    range: None,
                },
                message: format!("{what}未填写"),
                fix: None,
            });
        }
    };
    need(
        meta.title.trim().is_empty(),
        Rule::TitleMissing,
        "标题",
        MetaField::Title,
    );
    need(
        meta.recipients.trim().is_empty(),
        Rule::RecipientsMissing,
        "主送机关",
        MetaField::Recipients,
    );
    let field = Rule::FieldMissing;
    if options.red_header {
        need(
            meta.issuer_mark.trim().is_empty(),
            field,
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
        if let Some(number_field) = number_field {
            need(
                true,
                field,
                "发文字号（机关代字、年份、序号）",
                number_field,
            );
        }
        need(meta.signers.is_empty(), field, "签发人", MetaField::Signers);
    }
    need(
        meta.signature.trim().is_empty(),
        field,
        "发文机关署名",
        MetaField::Signature,
    );
    need(meta.date.is_none(), field, "成文日期", MetaField::Date);
    need(
        meta.printer.trim().is_empty(),
        field,
        "印发机关",
        MetaField::Printer,
    );
    need(
        meta.print_date.is_none(),
        field,
        "印发日期",
        MetaField::PrintDate,
    );
    for section in empty_parts(draft) {
        out.push(Finding {
            rule: Rule::SectionNoText,
            severity: Severity::Warning,
            location: Location::Section { id: section.id },
            message: format!("“{}”部分没有内容", section.title.trim()),
            fix: None,
        });
    }
}

/// To the checker, a report without its title or without text in a part the
/// regulation requires is wrong, not merely unfinished: those findings of
/// [`check`] become 错误 (a city checking its districts' reports gets exit status 1).
pub(super) fn raise_required(draft: &Draft, findings: &mut [Finding]) {
    for finding in findings {
        let required = match (finding.rule, &finding.location) {
            (Rule::TitleMissing, _) => true,
            (Rule::SectionNoText, Location::Section { id }) => draft
                .sections
                .iter()
                .any(|s| s.id == *id && is_required_part(&s.key)),
            _ => false,
        };
        if required {
            finding.severity = Severity::Error;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    fn missing(draft: &Draft) -> Vec<Finding> {
        let mut out = Vec::new();
        check(draft, &ExportOptions::default(), &mut out);
        out
    }

    #[test]
    fn what_is_missing_is_listed_for_the_user() {
        let jiaxing =
            crate::from_json(include_str!("../../tests/fixtures/draft-jiaxing-2022.json")).unwrap();
        let draft = Template::builtin_default().new_draft("x".into(), 2025);
        let listed = missing(&draft);
        for want in [
            "主送机关未填写",
            "成文日期未填写",
            "签发人未填写",
            "部分没有内容",
        ] {
            assert!(
                listed.iter().any(|m| m.message.contains(want)),
                "{want}: {listed:?}"
            );
        }
        assert!(listed.iter().all(|f| f.rule.is_absence()), "{listed:?}");
        assert!(listed.iter().all(|f| f.severity == Severity::Warning));
        // To the checker, a report without its title or a required part is wrong.
        let mut untitled = draft.clone();
        untitled.meta.title.clear();
        let mut raised = missing(&untitled);
        raise_required(&untitled, &mut raised);
        let errors: Vec<&str> = raised
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.message.as_str())
            .collect();
        assert!(errors.contains(&"标题未填写"), "{errors:?}");
        assert!(
            errors.iter().any(|m| m.contains("主要举措和成效")),
            "{errors:?}"
        );
        assert!(
            !errors.iter().any(|m| m.contains("其他需要报告的情况")),
            "{errors:?}"
        );
        assert!(missing(&jiaxing).is_empty());
    }
}
