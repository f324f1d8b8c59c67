//! Numbered parts with no text, and what the exported document does with them: a bare
//! heading ("五、其他需要报告的情况" alone on the last page) is rarely wanted, so the
//! export can write "无。" under it or leave the part out. The draft itself is never
//! changed: [`apply`] gives the draft as the document is written.

use std::borrow::Cow;

pub use crate::export_options::EmptyParts;
use crate::model::{Draft, Node, Section};
use crate::outline::nodes_chars;

/// The text written under an empty part for [`EmptyParts::WriteNone`].
pub const NONE_TEXT: &str = "无。";

/// The numbered parts with no text (headings without text count as none).
pub fn empty_parts(draft: &Draft) -> impl Iterator<Item = &Section> {
    draft
        .sections
        .iter()
        .filter(|s| s.numbered && nodes_chars(&s.children) == 0)
}

/// The draft as the document is written with `choice`: unchanged (borrowed) when it has
/// no empty part or the choice is to keep their headings.
pub fn apply(draft: &Draft, choice: EmptyParts) -> Cow<'_, Draft> {
    if choice == EmptyParts::KeepHeading || empty_parts(draft).next().is_none() {
        return Cow::Borrowed(draft);
    }
    let mut out = draft.clone();
    let mut next_id = out.next_id;
    out.sections.retain_mut(|section| {
        if !section.numbered || nodes_chars(&section.children) > 0 {
            return true;
        }
        match choice {
            EmptyParts::Omit => false,
            _ => {
                section.children = vec![Node::Paragraph {
                    id: next_id,
                    text: NONE_TEXT.into(),
                }];
                next_id += 1;
                true
            }
        }
    });
    out.next_id = next_id;
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::{export, read};
    use crate::export_options::ExportOptions;
    use crate::template::Template;

    /// The 2023 draft on the default template with only 一、 written.
    fn draft() -> Draft {
        let mut d = Template::builtin_default().new_draft("d".into(), 2023);
        d.meta.title = "关于2023年度法治政府建设工作情况的报告".into();
        let measures = d.sections[1].id;
        let id = d
            .add_node(crate::Parent::Section(measures), crate::NewNode::Paragraph)
            .unwrap();
        d.set_text(id, crate::TextField::Text, "全年办理复议案件12件。".into())
            .unwrap();
        // A heading without text is still an empty part.
        let other = d.sections[5].id;
        d.add_node(crate::Parent::Section(other), crate::NewNode::Heading)
            .unwrap();
        d
    }

    /// The paragraphs of the document.xml written with `choice`, read back.
    fn written(d: &Draft, choice: EmptyParts) -> Vec<String> {
        let options = ExportOptions {
            empty_parts: choice,
            ..ExportOptions::default()
        };
        let bytes = export(d, &options, "2024-01-15T00:00:00Z").unwrap();
        read::paragraphs(&bytes).unwrap()
    }

    #[test]
    fn the_document_follows_the_choice_and_the_draft_stays_as_it_is() {
        let d = draft();
        let before = d.clone();
        let empty: Vec<&str> = empty_parts(&d).map(|s| s.title.as_str()).collect();
        assert_eq!(empty.len(), 4, "{empty:?}");
        let headings = |paragraphs: &[String]| -> Vec<String> {
            paragraphs
                .iter()
                .filter(|p| crate::labels::parse_label(p).is_some_and(|l| l.level == 1))
                .cloned()
                .collect()
        };

        let kept = written(&d, EmptyParts::KeepHeading);
        assert_eq!(headings(&kept).len(), 5);
        assert!(!kept.iter().any(|p| p == NONE_TEXT));

        let with_none = written(&d, EmptyParts::WriteNone);
        assert_eq!(headings(&with_none).len(), 5);
        // Each empty part's heading is followed by 无。
        for title in &empty {
            let at = with_none
                .iter()
                .position(|p| p.ends_with(title))
                .unwrap_or_else(|| panic!("{title} in {with_none:?}"));
            assert_eq!(with_none[at + 1], NONE_TEXT, "after {title}");
        }

        let omitted = written(&d, EmptyParts::Omit);
        assert_eq!(headings(&omitted), [format!("一、{}", d.sections[1].title)]);
        assert!(omitted.iter().any(|p| p == "全年办理复议案件12件。"));
        assert!(!omitted.iter().any(|p| empty.iter().any(|t| p.contains(t))));

        assert_eq!(d, before);
    }

    #[test]
    fn a_draft_without_empty_parts_is_not_copied() {
        let d = draft();
        assert!(matches!(
            apply(&d, EmptyParts::KeepHeading),
            Cow::Borrowed(_)
        ));
        let mut full = d.clone();
        for section in full.sections.iter_mut().filter(|s| s.numbered) {
            section.children = vec![Node::Paragraph {
                id: 0,
                text: "有内容。".into(),
            }];
        }
        assert!(matches!(apply(&full, EmptyParts::Omit), Cow::Borrowed(_)));
        let applied = apply(&d, EmptyParts::WriteNone);
        assert!(applied.ids().iter().all(|&id| id < applied.next_id));
    }
}
