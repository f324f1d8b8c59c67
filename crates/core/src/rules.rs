//! The checker's rules, one typed vocabulary: what the checker finds and the rule ids
//! drafts save for the ones the user turned off (`ignored_rules`) and templates for the
//! ones they turn off (`disabled_rules`), so it belongs to the model; the checker in
//! [`crate::check`] reports them. On the wire a rule is its id, e.g.
//! `doc-number-brackets`.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A rule of the checker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    DocNumberBrackets,
    DocNumberSerial,
    DocNumberYear,
    DocNumberAgency,
    DateFormat,
    DateOrder,
    DateYear,
    TitleYear,
    HeadingYear,
    TitleForm,
    RecipientsColon,
    CcForm,
    AttachmentNote,
    HeadingLabelForm,
    HeadingTypedLabel,
    HeadingLevelSkip,
    HeadingNumber,
    HeadingEndPunct,
    HalfwidthPunct,
    UnpairedMark,
    Ellipsis,
    FullwidthDigit,
    WordingFazhi,
    WordingQita,
    WordingJiezhi,
    ObsoleteOrgan,
    RequestPhrase,
    RelativeTime,
    SectionMissing,
    SectionEmpty,
    ShortcomingsThin,
    DeadlineSubmit,
    DeadlinePublish,
    SecrecyReview,
    TitleMissing,
    RecipientsMissing,
    TableCellLength,
    TextDebris,
    FieldMissing,
    SectionNoText,
    HeadingEmpty,
    ParagraphEmpty,
    DroppedCharacters,
}

impl Rule {
    /// Every rule, in the order the checker's documentation lists them.
    pub const ALL: [Rule; 43] = [
        Rule::DocNumberBrackets,
        Rule::DocNumberSerial,
        Rule::DocNumberYear,
        Rule::DocNumberAgency,
        Rule::DateFormat,
        Rule::DateOrder,
        Rule::DateYear,
        Rule::TitleYear,
        Rule::HeadingYear,
        Rule::TitleForm,
        Rule::RecipientsColon,
        Rule::CcForm,
        Rule::AttachmentNote,
        Rule::HeadingLabelForm,
        Rule::HeadingTypedLabel,
        Rule::HeadingLevelSkip,
        Rule::HeadingNumber,
        Rule::HeadingEndPunct,
        Rule::HalfwidthPunct,
        Rule::UnpairedMark,
        Rule::Ellipsis,
        Rule::FullwidthDigit,
        Rule::WordingFazhi,
        Rule::WordingQita,
        Rule::WordingJiezhi,
        Rule::ObsoleteOrgan,
        Rule::RequestPhrase,
        Rule::RelativeTime,
        Rule::SectionMissing,
        Rule::SectionEmpty,
        Rule::ShortcomingsThin,
        Rule::DeadlineSubmit,
        Rule::DeadlinePublish,
        Rule::SecrecyReview,
        Rule::TitleMissing,
        Rule::RecipientsMissing,
        Rule::TableCellLength,
        Rule::TextDebris,
        Rule::FieldMissing,
        Rule::SectionNoText,
        Rule::HeadingEmpty,
        Rule::ParagraphEmpty,
        Rule::DroppedCharacters,
    ];

    /// The rule's id as JSON, the command line, drafts and templates write it.
    pub fn id(self) -> &'static str {
        match self {
            Rule::DocNumberBrackets => "doc-number-brackets",
            Rule::DocNumberSerial => "doc-number-serial",
            Rule::DocNumberYear => "doc-number-year",
            Rule::DocNumberAgency => "doc-number-agency",
            Rule::DateFormat => "date-format",
            Rule::DateOrder => "date-order",
            Rule::DateYear => "date-year",
            Rule::TitleYear => "title-year",
            Rule::HeadingYear => "heading-year",
            Rule::TitleForm => "title-form",
            Rule::RecipientsColon => "recipients-colon",
            Rule::CcForm => "cc-form",
            Rule::AttachmentNote => "attachment-note",
            Rule::HeadingLabelForm => "heading-label-form",
            Rule::HeadingTypedLabel => "heading-typed-label",
            Rule::HeadingLevelSkip => "heading-level-skip",
            Rule::HeadingNumber => "heading-number",
            Rule::HeadingEndPunct => "heading-end-punct",
            Rule::HalfwidthPunct => "halfwidth-punct",
            Rule::UnpairedMark => "unpaired-mark",
            Rule::Ellipsis => "ellipsis",
            Rule::FullwidthDigit => "fullwidth-digit",
            Rule::WordingFazhi => "wording-fazhi",
            Rule::WordingQita => "wording-qita",
            Rule::WordingJiezhi => "wording-jiezhi",
            Rule::ObsoleteOrgan => "obsolete-organ",
            Rule::RequestPhrase => "request-phrase",
            Rule::RelativeTime => "relative-time",
            Rule::SectionMissing => "section-missing",
            Rule::SectionEmpty => "section-empty",
            Rule::ShortcomingsThin => "shortcomings-thin",
            Rule::DeadlineSubmit => "deadline-submit",
            Rule::DeadlinePublish => "deadline-publish",
            Rule::SecrecyReview => "secrecy-review",
            Rule::TitleMissing => "title-missing",
            Rule::RecipientsMissing => "recipients-missing",
            Rule::TableCellLength => "table-cell-length",
            Rule::TextDebris => "text-debris",
            Rule::FieldMissing => "field-missing",
            Rule::SectionNoText => "section-no-text",
            Rule::HeadingEmpty => "heading-empty",
            Rule::ParagraphEmpty => "paragraph-empty",
            Rule::DroppedCharacters => "dropped-characters",
        }
    }

    /// Whether the rule names something a complete document still lacks (an empty field
    /// or a part with no text): 检查与导出 lists these before export, apart from the other
    /// findings.
    pub fn is_absence(self) -> bool {
        matches!(
            self,
            Rule::TitleMissing | Rule::RecipientsMissing | Rule::FieldMissing | Rule::SectionNoText
        )
    }

    /// The rule with this id, if there is one.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|rule| rule.id() == id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_rule_is_written_as_its_id() {
        for rule in Rule::ALL {
            assert_eq!(serde_json::to_value(rule).unwrap(), rule.id());
            assert_eq!(Rule::from_id(rule.id()), Some(rule));
        }
        assert_eq!(Rule::from_id("no-such-rule"), None);
    }
}
