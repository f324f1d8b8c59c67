//! Text pasted into a paragraph: cleaned of what Word and web pages leave behind, and,
//! when it holds several paragraphs or labelled headings, turned into that structure
//! (read as [`crate::report_text`] reads a report) as one undoable [`Edit`].

use crate::debris::{count_by_kind, find_debris};
use crate::edit::Edit;
use crate::model::{Draft, EditError, Node, NodeId, Parent, TextField};
use crate::report_text::draft_from_pasted_text;

/// Pasted text with the invisible or layout characters taken out, and what was taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cleaned {
    pub text: String,
    /// What was removed or replaced and how often, in [`crate::debris::DebrisKind::ALL`] order.
    pub removed: Vec<(&'static str, usize)>,
}

impl Cleaned {
    /// What was removed, for the user: `零宽字符 2 个、不间断空格 1 个`; empty when nothing.
    pub fn summary(&self) -> String {
        self.removed
            .iter()
            .map(|(what, count)| format!("{what} {count} 个"))
            .collect::<Vec<_>>()
            .join("、")
    }
}

/// `text` with its debris (see [`find_debris`]) cleaned away, and what was removed.
pub fn clean_pasted(text: &str) -> Cleaned {
    let debris = find_debris(text);
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for piece in &debris {
        out.push_str(&text[at..piece.bytes.start]);
        out.push_str(piece.replacement);
        at = piece.bytes.end;
    }
    out.push_str(&text[at..]);
    Cleaned {
        text: out,
        removed: count_by_kind(&debris)
            .into_iter()
            .map(|(kind, count)| (kind.label(), count))
            .collect(),
    }
}

/// The edit that pastes `pasted` (already cleaned) into a text of node `id` between
/// `before` and `after` (the text split at the caret). A paragraph takes it as [`paste_into_paragraph`] says; a heading's title or run-in
/// text takes its lines joined into one.
pub fn paste_into(
    draft: &Draft,
    id: NodeId,
    field: TextField,
    before: &str,
    pasted: &str,
    after: &str,
) -> Result<Edit, EditError> {
    if field == TextField::Text && matches!(draft.node(id), Some(Node::Paragraph { .. })) {
        return paste_into_paragraph(draft, id, before, pasted, after);
    }
    let joined: String = pasted.lines().map(str::trim).collect();
    let text = format!("{before}{joined}{after}");
    Ok(Edit::SetText { id, field, text })
}

/// The edit that pastes `pasted` (already cleaned) into paragraph `id` between `before`
/// and `after` (its text split at the caret). One line
/// becomes text in the paragraph; several become paragraphs after it, and lines with
/// heading labels (一、（一）1.（1）) headings at their level when the paragraph sits
/// directly in a numbered section (elsewhere they stay paragraphs, labels kept).
fn paste_into_paragraph(
    draft: &Draft,
    id: NodeId,
    before: &str,
    pasted: &str,
    after: &str,
) -> Result<Edit, EditError> {
    let (parent, index) = draft.locate(id).ok_or(EditError::NotFound(id))?;
    let set_text = |text: String| Edit::SetText {
        id,
        field: TextField::Text,
        text,
    };
    let lines: Vec<&str> = pasted
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    if lines.len() < 2 {
        // One line copied from Word comes with its line break: the break is not text.
        let line = lines.first().copied().unwrap_or_default();
        return Ok(set_text(format!("{before}{line}{after}")));
    }
    let with_headings = match parent {
        Parent::Section(section) => draft.section(section)?.numbered,
        Parent::Heading(_) => false,
    };
    let mut pieces = if with_headings {
        structure(&lines)
    } else {
        Vec::new()
    };
    if pieces.is_empty() {
        pieces = lines
            .iter()
            .map(|line| Node::Paragraph {
                id: 0,
                text: line.to_string(),
            })
            .collect();
    }
    // The text before the caret starts the first piece, the text after it ends the last.
    if !before.is_empty() {
        match pieces.first_mut() {
            Some(Node::Paragraph { text, .. }) => text.insert_str(0, before),
            _ => pieces.insert(
                0,
                Node::Paragraph {
                    id: 0,
                    text: before.to_string(),
                },
            ),
        }
    }
    if !after.is_empty() {
        match pieces.last_mut() {
            Some(Node::Paragraph { text, .. }) => text.push_str(after),
            _ => pieces.push(Node::Paragraph {
                id: 0,
                text: after.to_string(),
            }),
        }
    }
    let mut next_id = draft.next_id;
    let mut edits = Vec::new();
    let mut pieces = pieces.into_iter();
    // The paragraph keeps its id (coverage decisions point at it) when a paragraph
    // comes first; a heading takes its place otherwise.
    match pieces.next() {
        Some(Node::Paragraph { text, .. }) => edits.push(set_text(text)),
        Some(first) => {
            let node = first.renumbered(&mut next_id);
            edits.push(Edit::Remove { id, next_id: None });
            edits.push(Edit::Insert {
                parent,
                index,
                node,
            });
        }
        None => edits.push(set_text(format!("{before}{after}"))),
    }
    for (at, piece) in (index + 1..).zip(pieces) {
        let node = piece.renumbered(&mut next_id);
        edits.push(Edit::Insert {
            parent,
            index: at,
            node,
        });
    }
    Ok(Edit::Batch(edits))
}

/// Pasted lines as headings and paragraphs, read under one 一、 part; empty when the
/// text does not read as a report (or holds 一、 lines, which are parts of their own).
fn structure(lines: &[&str]) -> Vec<Node> {
    let text = format!("一、粘贴\n{}", lines.join("\n"));
    match draft_from_pasted_text(&text) {
        Ok(read) if read.sections.len() == 2 => read.sections[1].children.clone(),
        _ => Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewNode;
    use crate::template::Template;

    #[test]
    fn word_debris_is_removed_and_counted() {
        let cleaned = clean_pasted(
            "•\t依法\u{200B}行政\u{AD}。\n\u{F0B7} 推进\u{A0}2023\u{FEFF}年\u{C}第二页\t文字",
        );
        assert_eq!(cleaned.text, "依法行政。\n推进 2023年\n第二页 文字");
        assert_eq!(
            cleaned.summary(),
            "零宽字符 2 个、软连字符 1 个、不间断空格 1 个、制表符 2 个、分页符 1 个、项目符号 2 个"
        );
        let plain = clean_pasted("一是加强学习。·迪丽热巴·");
        assert_eq!(plain.text, "一是加强学习。·迪丽热巴·");
        assert!(plain.removed.is_empty());
    }

    #[test]
    fn pasted_lines_that_look_like_a_reports_frame_stay_in_the_text() {
        // A report's import reads these into its fields; a paste keeps every line.
        let nodes = structure(&[
            "全面推进依法行政。",
            "嘉兴市卫生健康委员会",
            "2023年2月20日",
        ]);
        let texts: Vec<&str> = nodes
            .iter()
            .map(|n| match n {
                Node::Paragraph { text, .. } => text.as_str(),
                Node::Heading { title, .. } => title.as_str(),
            })
            .collect();
        assert_eq!(
            texts,
            [
                "全面推进依法行政。",
                "嘉兴市卫生健康委员会",
                "2023年2月20日"
            ]
        );
    }

    fn draft_with_paragraph(text: &str) -> (Draft, NodeId) {
        let mut d = Template::builtin_default().new_draft("d".into(), 2023);
        let section = d.sections.iter().find(|s| s.numbered).unwrap().id;
        let id = d
            .add_node(Parent::Section(section), NewNode::Paragraph)
            .unwrap();
        d.set_text(id, TextField::Text, text.into()).unwrap();
        (d, id)
    }

    #[test]
    fn several_lines_become_paragraphs_and_a_labelled_line_a_heading() {
        let (mut d, id) = draft_with_paragraph("");
        let before = crate::to_json(&d, 0.0);
        let pasted = "依法决策。\n严格执法。\n（一）强化法治保障\n落实普法责任。\n";
        let edit = paste_into_paragraph(&d, id, "", pasted, "").unwrap();
        let undo = d.apply(edit).unwrap().unwrap();
        let section = &d.sections.iter().find(|s| s.numbered).unwrap().children;
        let shape: Vec<String> = section
            .iter()
            .map(|n| match n {
                Node::Paragraph { text, .. } => text.clone(),
                Node::Heading {
                    title, children, ..
                } => format!("{title}/{}", children.len()),
            })
            .collect();
        assert_eq!(shape, ["依法决策。", "严格执法。", "强化法治保障/1"]);
        assert_eq!(
            section[0].id(),
            id,
            "the paragraph pasted into keeps its id"
        );
        assert_eq!(
            undo.changed_place(&d),
            Some(crate::edit::Target::node(&d, section[2].id())),
            "the last piece pasted is shown"
        );
        d.apply(undo).unwrap();
        assert_eq!(
            crate::to_json(&d, 0.0),
            before,
            "one undo takes the paste back"
        );
    }

    #[test]
    fn the_text_around_the_caret_stays_around_the_paste() {
        let (mut d, id) = draft_with_paragraph("开头结尾");
        let edit = paste_into_paragraph(&d, id, "开头", "一行。\n二行。", "结尾").unwrap();
        d.apply(edit).unwrap();
        let section = &d.sections.iter().find(|s| s.numbered).unwrap().children;
        let texts: Vec<_> = section
            .iter()
            .map(|n| match n {
                Node::Paragraph { text, .. } => text.as_str(),
                _ => "heading",
            })
            .collect();
        assert_eq!(texts, ["开头一行。", "二行。结尾"]);
        for pasted in ["b", "b\n", "\r\nb\r\n"] {
            assert_eq!(
                paste_into_paragraph(&d, id, "a", pasted, "c").unwrap(),
                Edit::SetText {
                    id,
                    field: TextField::Text,
                    text: "abc".into()
                },
                "{pasted:?}: a line's break is not text"
            );
        }
    }

    #[test]
    fn under_a_heading_labelled_lines_stay_paragraphs() {
        let mut d = Template::builtin_default().new_draft("d".into(), 2023);
        let section = d.sections.iter().find(|s| s.numbered).unwrap().id;
        let h = d
            .add_node(Parent::Section(section), NewNode::Heading)
            .unwrap();
        let p = d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        let edit = paste_into_paragraph(&d, p, "", "（一）标题\n正文。", "").unwrap();
        d.apply(edit).unwrap();
        let children = d.node(h).unwrap().children();
        assert_eq!(children.len(), 2);
        assert!(children.iter().all(|n| !n.is_heading()));
    }

    #[test]
    fn a_heading_title_takes_the_lines_joined() {
        let mut d = Template::builtin_default().new_draft("d".into(), 2023);
        let section = d.sections.iter().find(|s| s.numbered).unwrap().id;
        let h = d
            .add_node(Parent::Section(section), NewNode::Heading)
            .unwrap();
        let edit = paste_into(&d, h, TextField::Title, "强化", "法治\n保障", "建设").unwrap();
        d.apply(edit).unwrap();
        assert!(
            matches!(d.node(h), Some(Node::Heading { title, .. }) if title == "强化法治保障建设")
        );
    }
}
