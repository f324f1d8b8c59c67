//! The draft's texts as the export writes them: headings and paragraphs left empty, and
//! characters a Word file cannot hold, which the export drops.

use super::{Finding, Location, Severity, TextRef};
use crate::attachment::CellRef;
use crate::meta_field::{FieldKind, MetaField};
use crate::model::{Draft, Node, TextField};
use crate::outline::char_count;
use crate::rules::Rule;
use crate::xml_text::drops_characters;

/// What a field or text holding characters the export drops is told.
pub const DROPPED: &str = "含有 Word 文件不能保存的控制字符（如手动换行符），导出时将被删去";

pub(super) fn check(draft: &Draft, out: &mut Vec<Finding>) {
    let hint = |rule, target, message: String| Finding {
        rule,
        severity: Severity::Warning,
        location: Location::Text {
            target,
            range: None,
        },
        message,
        fix: None,
    };
    for field in MetaField::HEADER.into_iter().chain(MetaField::CLOSING) {
        let value = field.get(&draft.meta);
        let dropped = match field.kind() {
            FieldKind::Lines => value.split('\n').any(drops_characters),
            _ => drops_characters(&value),
        };
        if dropped {
            out.push(hint(
                Rule::DroppedCharacters,
                TextRef::Field { field },
                DROPPED.into(),
            ));
        }
    }
    for section in &draft.sections {
        // The title of an unnumbered part is not printed.
        if section.numbered && drops_characters(&section.title) {
            out.push(hint(
                Rule::DroppedCharacters,
                TextRef::Node {
                    id: section.id,
                    part: TextField::Title,
                },
                DROPPED.into(),
            ));
        }
        walk(&section.children, &mut |node| {
            let id = node.id();
            let (dropped, empty) = match node {
                Node::Heading { title, text, .. } => (
                    drops_characters(title) || drops_characters(text),
                    (char_count(title) == 0).then_some((Rule::HeadingEmpty, "标题为空")),
                ),
                Node::Paragraph { text, .. } => (
                    drops_characters(text),
                    (char_count(text) == 0).then_some((Rule::ParagraphEmpty, "段落为空")),
                ),
            };
            let part = match node {
                Node::Heading { .. } => TextField::Title,
                Node::Paragraph { .. } => TextField::Text,
            };
            let target = TextRef::Node { id, part };
            if dropped {
                out.push(hint(Rule::DroppedCharacters, target, DROPPED.into()));
            }
            if let Some((rule, message)) = empty {
                out.push(hint(rule, target, message.into()));
            }
        });
    }
    if let Some(table) = &draft.attachment_table {
        let plan = draft.plan.as_ref().map(|state| &state.plan);
        for (row, printed) in table.rows(plan).iter().enumerate() {
            // The cells the user writes; the others are the plan's.
            for column in 0..table.columns.len() {
                if drops_characters(table.cell(&printed.number, column)) {
                    out.push(hint(
                        Rule::DroppedCharacters,
                        TextRef::TableCell {
                            cell: CellRef { row, column },
                        },
                        DROPPED.into(),
                    ));
                }
            }
        }
    }
}

fn walk<'a>(nodes: &'a [Node], visit: &mut impl FnMut(&'a Node)) {
    for node in nodes {
        visit(node);
        walk(node.children(), visit);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::Places;
    use crate::model::{NewNode, Parent};
    use crate::outline::outline;
    use crate::template::Template;

    /// Each finding as the command line prints it: `place：message`.
    fn described(draft: &Draft) -> Vec<String> {
        let mut found = Vec::new();
        check(draft, &mut found);
        let entries = outline(draft);
        let places = Places::new(Some(draft), &entries);
        found
            .iter()
            .map(|f| format!("{}：{}", f.location.describe(&places), f.message))
            .collect()
    }

    #[test]
    fn empty_headings_and_paragraphs_are_located() {
        let mut d = Template::builtin_default().new_draft("x".into(), 2023);
        let s = d.sections[1].id;
        let h = d.add_node(Parent::Section(s), NewNode::Heading).unwrap();
        d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        let p = d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        d.set_text(p, TextField::Text, "内容".into()).unwrap();
        let found = described(&d);
        assert!(
            found
                .iter()
                .any(|p| p.ends_with("（一） › 第1段：段落为空")),
            "{found:?}"
        );
        assert!(
            found.iter().any(|p| p.ends_with("（一）：标题为空")),
            "{found:?}"
        );
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn characters_the_export_drops_are_named_before_export() {
        let mut d = Template::builtin_default().new_draft("x".into(), 2023);
        d.meta.title = "关于2023年度法治政府\u{b}建设工作的报告".into();
        d.meta.issuer_name = "某某\0局".into();
        d.meta.attachments = vec!["指标表".into(), "自查\u{fffe}报告".into()];
        let s = d.sections[1].id;
        let p = d.add_node(Parent::Section(s), NewNode::Paragraph).unwrap();
        d.set_text(p, TextField::Text, "正文\u{8}一段".into())
            .unwrap();
        let found = described(&d);
        for expected in [
            format!("标题：{DROPPED}"),
            format!("发文机关全称：{DROPPED}"),
            format!("附件说明：{DROPPED}"),
        ] {
            assert!(found.contains(&expected), "{expected} in {found:?}");
        }
        assert!(
            found
                .iter()
                .any(|p| p.ends_with(&format!("第1段：{DROPPED}"))),
            "{found:?}"
        );
        assert_eq!(found.iter().filter(|p| p.contains(DROPPED)).count(), 4);
        // Several attachments, one a line, are not a line break to drop; a tab is kept.
        d.meta.title = "关于\t报告".into();
        d.meta.issuer_name = "某某局".into();
        d.meta.attachments = vec!["指标表".into(), "自查报告".into()];
        d.set_text(p, TextField::Text, "正文".into()).unwrap();
        assert!(described(&d).is_empty());
    }

    /// A numbered part's title and the table cells the user writes are printed too.
    #[test]
    fn dropped_characters_in_part_titles_and_table_cells_are_named() {
        let mut d = crate::page::tests::with_qingpu_table();
        d.sections[1].title = "抓好学法\u{1}宣法".into();
        let table = d.attachment_table.as_mut().unwrap();
        table.set_cell("6", 4, "全部\u{b}办结".into()).unwrap();
        let found = described(&d);
        assert!(
            found
                .iter()
                .any(|p| p.starts_with("一、抓好学法") && p.ends_with(&format!("宣法：{DROPPED}"))),
            "{found:?}"
        );
        let row = d
            .attachment_table
            .as_ref()
            .unwrap()
            .rows(d.plan.as_ref().map(|state| &state.plan))
            .iter()
            .position(|r| r.number == "6")
            .unwrap();
        let cell = format!("附件表格第{}行第5列：{DROPPED}", row + 1);
        assert!(found.contains(&cell), "{cell} in {found:?}");
        assert_eq!(found.iter().filter(|p| p.contains(DROPPED)).count(), 2);
    }
}
