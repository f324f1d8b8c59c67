//! 转为标题 / 转为段落 / 升级 / 降级: a node changes kind or level as one undoable
//! [`Edit`] built from removals and insertions, so its inverse is exact. The text never
//! changes order: what follows a node in the document still follows it, re-levelled with
//! it where the tree requires (see each function).

use crate::edit::Edit;
use crate::labels::{heading_parts, parse_label};
use crate::model::{Draft, EditError, Node, NodeId, Parent, MAX_LEVEL};

/// What the user asks of a node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Restructure {
    /// 转为标题: a paragraph becomes a heading at its place.
    ToHeading,
    /// 转为段落: a heading becomes a paragraph at its place.
    ToParagraph,
    /// 升级: one level up (（一）← 1.).
    Promote,
    /// 降级: one level down (（一）→ 1.).
    Demote,
    /// A heading at level 2–4 (（一）/ 1. / （1）), or a paragraph for 0.
    Level(u8),
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RestructureError {
    #[error("这一段已经是段落了")]
    AlreadyParagraph,
    #[error("这一项已经是标题了")]
    AlreadyHeading,
    #[error("开头部分（一、之前的段落）不编号，只能放段落，不能有标题")]
    UnnumberedSection,
    #[error("已在本部分的最高一级，不能再升级（一、级是报告的组成部分，在左侧大纲中）")]
    TopLevel,
    #[error("前面紧挨着的不是同级标题，无法降级：降级后它要归入前一个标题之下")]
    NothingToDemoteUnder,
    #[error("一级标题（一、）是报告的组成部分，不能由段落或下级标题改成；可用 Ctrl+Alt+2/3/4 设为（一）/1./（1）级")]
    LevelOne,
    #[error(
        "没有第 {0} 级标题：标题分（一）、1.、（1）三级（Ctrl+Alt+2/3/4），Ctrl+Alt+0 转为段落"
    )]
    NoSuchLevel(u8),
    #[error(transparent)]
    Edit(#[from] EditError),
}

/// The edit that does `how` to node `id`; `None` when the node already is as asked.
pub fn restructure(
    draft: &Draft,
    id: NodeId,
    how: Restructure,
) -> Result<Option<Edit>, RestructureError> {
    match how {
        Restructure::ToHeading => to_heading(draft, id).map(Some),
        Restructure::ToParagraph => to_paragraph(draft, id).map(Some),
        Restructure::Promote => promote(draft, id).map(Some),
        Restructure::Demote => demote(draft, id).map(Some),
        Restructure::Level(level) => set_level(draft, id, level),
    }
}

/// The node `id`, its parent and its place there.
fn find(draft: &Draft, id: NodeId) -> Result<(&Node, Parent, usize), EditError> {
    let node = draft.node(id).ok_or(EditError::NotFound(id))?;
    let (parent, index) = draft.locate(id).ok_or(EditError::NotFound(id))?;
    Ok((node, parent, index))
}

fn remove(id: NodeId) -> Edit {
    Edit::Remove { id, next_id: None }
}

/// A paragraph becomes a heading at the same place; a heading label it starts with is
/// dropped (numbers follow from position) and text after the first 。 becomes the
/// heading's run-in text. The paragraphs after it, up to the next heading, become its
/// content.
fn to_heading(draft: &Draft, id: NodeId) -> Result<Edit, RestructureError> {
    let (node, parent, index) = find(draft, id)?;
    let Node::Paragraph { text, .. } = node else {
        return Err(RestructureError::AlreadyHeading);
    };
    if let Parent::Section(section) = parent {
        if !draft.section(section)?.numbered {
            return Err(RestructureError::UnnumberedSection);
        }
    }
    if draft.level_of(id).unwrap_or(MAX_LEVEL + 1) > MAX_LEVEL {
        return Err(EditError::TooDeep.into());
    }
    let siblings = draft.children_of(parent)?;
    let content: Vec<Node> = siblings[index + 1..]
        .iter()
        .take_while(|n| !n.is_heading())
        .cloned()
        .collect();
    let line = text.trim();
    let (title, text) = heading_parts(parse_label(line).map_or(line, |l| l.rest));
    let mut edits: Vec<Edit> = content.iter().map(|n| remove(n.id())).collect();
    edits.push(remove(id));
    edits.push(Edit::Insert {
        parent,
        index,
        node: Node::Heading {
            id,
            title,
            text,
            children: content,
        },
    });
    Ok(Edit::Batch(edits))
}

/// A heading becomes a paragraph of its title and run-in text at the same place (joined
/// with 。 as the run-in heading printed them); what was under it follows it, one level
/// up.
fn to_paragraph(draft: &Draft, id: NodeId) -> Result<Edit, RestructureError> {
    let (node, parent, index) = find(draft, id)?;
    let Node::Heading {
        title,
        text,
        children,
        ..
    } = node
    else {
        return Err(RestructureError::AlreadyParagraph);
    };
    let title = title.trim();
    let joined = if text.trim().is_empty() {
        title.to_string()
    } else if title.is_empty() || title.ends_with(['。', '！', '？', '：', '；']) {
        format!("{title}{}", text.trim_start())
    } else {
        format!("{title}。{}", text.trim_start())
    };
    let mut edits = vec![remove(id)];
    edits.extend(children.iter().enumerate().map(|(k, child)| Edit::Insert {
        parent,
        index: index + k,
        node: child.clone(),
    }));
    // Inserted last, so that its place is the one shown after the edit and its undo.
    edits.push(Edit::Insert {
        parent,
        index,
        node: Node::Paragraph { id, text: joined },
    });
    Ok(Edit::Batch(edits))
}

/// The node moves out of the heading it is under, to just after it. What followed it
/// under that heading stays after it: a heading takes it as its own content, a
/// paragraph is followed by it one level up.
fn promote(draft: &Draft, id: NodeId) -> Result<Edit, RestructureError> {
    let (node, parent, index) = find(draft, id)?;
    let Parent::Heading(above) = parent else {
        return Err(RestructureError::TopLevel);
    };
    let (outer, above_index) = draft.locate(above).ok_or(EditError::NotFound(above))?;
    let following = &draft.children_of(parent)?[index + 1..];
    let mut edits: Vec<Edit> = following.iter().map(|n| remove(n.id())).collect();
    edits.push(remove(id));
    let at = above_index + 1;
    let moved = match node {
        Node::Heading {
            title,
            text,
            children,
            ..
        } => Node::Heading {
            id,
            title: title.clone(),
            text: text.clone(),
            children: children.iter().chain(following).cloned().collect(),
        },
        Node::Paragraph { .. } => {
            edits.extend(following.iter().enumerate().map(|(k, n)| Edit::Insert {
                parent: outer,
                index: at + k,
                node: n.clone(),
            }));
            node.clone()
        }
    };
    edits.push(Edit::Insert {
        parent: outer,
        index: at,
        node: moved,
    });
    Ok(Edit::Batch(edits))
}

/// The node moves under the heading just before it, as its last content, with
/// everything under it.
fn demote(draft: &Draft, id: NodeId) -> Result<Edit, RestructureError> {
    let (node, parent, index) = find(draft, id)?;
    let siblings = draft.children_of(parent)?;
    let before = index
        .checked_sub(1)
        .map(|i| &siblings[i])
        .filter(|n| n.is_heading())
        .ok_or(RestructureError::NothingToDemoteUnder)?;
    Ok(Edit::Batch(vec![
        remove(id),
        Edit::Insert {
            parent: Parent::Heading(before.id()),
            index: before.children().len(),
            node: node.clone(),
        },
    ]))
}

/// Makes node `id` a heading at `level` (2–4), by 转为标题 and as many 升级/降级 as
/// it takes, or a paragraph for level 0; one edit for all of it.
fn set_level(draft: &Draft, id: NodeId, level: u8) -> Result<Option<Edit>, RestructureError> {
    match level {
        0 => {
            return match draft.node(id) {
                Some(Node::Paragraph { .. }) => Ok(None),
                _ => to_paragraph(draft, id).map(Some),
            }
        }
        1 => return Err(RestructureError::LevelOne),
        l if l > MAX_LEVEL => return Err(RestructureError::NoSuchLevel(level)),
        _ => {}
    }
    let mut scratch = draft.clone();
    let mut edits = Vec::new();
    let mut step = |scratch: &mut Draft, edit: Edit| -> Result<(), RestructureError> {
        scratch.apply(edit.clone())?;
        edits.push(edit);
        Ok(())
    };
    if matches!(scratch.node(id), Some(Node::Paragraph { .. })) {
        let edit = to_heading(&scratch, id)?;
        step(&mut scratch, edit)?;
    }
    // Each step moves one level, so this ends within MAX_LEVEL steps.
    for _ in 0..MAX_LEVEL {
        let now = scratch.level_of(id).ok_or(EditError::NotFound(id))?;
        let edit = match now.cmp(&level) {
            std::cmp::Ordering::Equal => break,
            std::cmp::Ordering::Less => demote(&scratch, id)?,
            std::cmp::Ordering::Greater => promote(&scratch, id)?,
        };
        step(&mut scratch, edit)?;
    }
    Ok((!edits.is_empty()).then_some(Edit::Batch(edits)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report_text::draft_from_text;

    fn draft(text: &str) -> Draft {
        draft_from_text(text, 2023).unwrap()
    }

    /// The id of the node whose text or title is `what`.
    fn id_of(d: &Draft, what: &str) -> NodeId {
        fn find(nodes: &[Node], what: &str) -> Option<NodeId> {
            nodes.iter().find_map(|n| match n {
                Node::Paragraph { id, text } if text == what => Some(*id),
                Node::Heading { id, title, .. } if title == what => Some(*id),
                _ => find(n.children(), what),
            })
        }
        d.sections
            .iter()
            .find_map(|s| find(&s.children, what))
            .unwrap_or_else(|| panic!("{what} not found"))
    }

    /// `d` with a paragraph of `text` added at the end of its first numbered section.
    fn with_paragraph(mut d: Draft, text: &str) -> Draft {
        let section = d.sections[1].id;
        let id = d
            .add_node(Parent::Section(section), crate::NewNode::Paragraph)
            .unwrap();
        d.set_text(id, crate::TextField::Text, text.into()).unwrap();
        d
    }

    /// The body as indented lines: `H2 title` / `P3 text`, the number the level.
    fn shape(d: &Draft) -> Vec<String> {
        fn walk(nodes: &[Node], level: u8, out: &mut Vec<String>) {
            for n in nodes {
                match n {
                    Node::Heading {
                        title,
                        text,
                        children,
                        ..
                    } => {
                        out.push(format!("H{level} {title}|{text}"));
                        walk(children, level + 1, out);
                    }
                    Node::Paragraph { text, .. } => out.push(format!("P{level} {text}")),
                }
            }
        }
        let mut out = Vec::new();
        for s in &d.sections {
            out.push(format!("S {}", s.title));
            walk(&s.children, 2, &mut out);
        }
        out
    }

    /// Applies the restructuring, checks that undo gives back the exact draft and that
    /// the text kept its order, and returns the draft after it.
    fn apply(d: &Draft, what: &str, how: Restructure) -> Result<Draft, RestructureError> {
        let id = id_of(d, what);
        let mut after = d.clone();
        let edit = restructure(d, id, how)?.expect("a change");
        let inverse = after.apply(edit)?.expect("changed");
        assert!(after.ids().iter().all(|&i| i < after.next_id));
        let mut undone = after.clone();
        undone.apply(inverse).unwrap();
        assert_eq!(&undone, d, "undo is exact");
        Ok(after)
    }

    const TEXT: &str = "一、主要举措和成效\n（一）加强领导\n甲段。\n乙段。\n1.推进立法\n丙段。\n（二）强化监督\n丁段。\n";

    #[test]
    fn a_paragraph_becomes_a_heading_over_the_paragraphs_after_it() {
        let d = draft(TEXT);
        let after = apply(&d, "甲段。", Restructure::ToHeading).unwrap();
        assert_eq!(
            shape(&after)[2..6],
            ["H2 加强领导|", "H3 甲段。|", "P4 乙段。", "H3 推进立法|"]
        );
        // A label in the text is dropped; text after the first 。 is run-in text.
        let d = with_paragraph(
            draft("一、主要举措和成效\n"),
            "（三）严格执法。全年办案12件。",
        );
        let after = apply(&d, "（三）严格执法。全年办案12件。", Restructure::ToHeading).unwrap();
        assert_eq!(shape(&after)[2], "H2 严格执法|全年办案12件。");
    }

    #[test]
    fn a_heading_becomes_a_paragraph_followed_by_its_content_one_level_up() {
        let d = draft(TEXT);
        let after = apply(&d, "加强领导", Restructure::ToParagraph).unwrap();
        assert_eq!(
            shape(&after)[2..8],
            [
                "P2 加强领导",
                "P2 甲段。",
                "P2 乙段。",
                "H2 推进立法|",
                "P3 丙段。",
                "H2 强化监督|"
            ]
        );
        let d = draft("一、主要举措和成效\n（一）严格执法。全年办案12件。\n");
        let after = apply(&d, "严格执法", Restructure::ToParagraph).unwrap();
        assert_eq!(shape(&after)[2], "P2 严格执法。全年办案12件。");
    }

    #[test]
    fn promote_and_demote_keep_the_text_in_order() {
        let d = draft(TEXT);
        let after = apply(&d, "推进立法", Restructure::Promote).unwrap();
        assert_eq!(
            shape(&after)[2..8],
            [
                "H2 加强领导|",
                "P3 甲段。",
                "P3 乙段。",
                "H2 推进立法|",
                "P3 丙段。",
                "H2 强化监督|"
            ]
        );
        let back = apply(&after, "推进立法", Restructure::Demote).unwrap();
        assert_eq!(shape(&back), shape(&d));
        // A heading promoted takes what followed it under its old heading.
        let d = draft("一、主要举措和成效\n（一）加强领导\n1.甲\n2.乙\n3.丙\n");
        let after = apply(&d, "乙", Restructure::Promote).unwrap();
        assert_eq!(
            shape(&after)[2..],
            ["H2 加强领导|", "H3 甲|", "H2 乙|", "H3 丙|"]
        );
        // A paragraph promoted is followed by what followed it.
        let d = draft(TEXT);
        let after = apply(&d, "甲段。", Restructure::Promote).unwrap();
        assert_eq!(
            shape(&after)[2..7],
            [
                "H2 加强领导|",
                "P2 甲段。",
                "P2 乙段。",
                "H2 推进立法|",
                "P3 丙段。"
            ]
        );
        // A paragraph demoted goes under the heading before it.
        let d = draft("一、主要举措和成效\n（一）加强领导\n（二）强化监督\n");
        let d = with_paragraph(d, "戊段。");
        let after = apply(&d, "戊段。", Restructure::Demote).unwrap();
        assert_eq!(shape(&after)[3..], ["H2 强化监督|", "P3 戊段。"]);
    }

    #[test]
    fn what_cannot_be_done_says_why_and_changes_nothing() {
        let d = draft(&format!("开头一段。\n{TEXT}"));
        let refused = |what: &str, how| restructure(&d, id_of(&d, what), how).unwrap_err();
        assert_eq!(
            refused("开头一段。", Restructure::ToHeading),
            RestructureError::UnnumberedSection
        );
        assert_eq!(
            refused("加强领导", Restructure::Promote),
            RestructureError::TopLevel
        );
        assert_eq!(
            refused("加强领导", Restructure::Demote),
            RestructureError::NothingToDemoteUnder
        );
        assert_eq!(
            refused("甲段。", Restructure::ToParagraph),
            RestructureError::AlreadyParagraph
        );
        assert_eq!(
            refused("加强领导", Restructure::Level(1)),
            RestructureError::LevelOne
        );
        assert_eq!(
            refused("加强领导", Restructure::Level(7)),
            RestructureError::NoSuchLevel(7)
        );
        // Four levels at most: （1） cannot go below 1.
        let d = draft("一、主要举措和成效\n（一）甲\n1.乙\n（1）丙\n（2）丁\n");
        let deep = restructure(&d, id_of(&d, "丁"), Restructure::Demote).unwrap();
        let mut copy = d.clone();
        assert_eq!(copy.apply(deep.unwrap()), Err(EditError::TooDeep));
        assert_eq!(copy, d);
    }

    #[test]
    fn a_level_is_reached_in_one_edit() {
        let d = draft(TEXT);
        let after = apply(&d, "丁段。", Restructure::Level(3)).unwrap();
        assert_eq!(shape(&after)[7..], ["H2 强化监督|", "H3 丁段。|"]);
        let after = apply(&d, "推进立法", Restructure::Level(0)).unwrap();
        assert_eq!(shape(&after)[5], "P3 推进立法");
        let id = id_of(&d, "加强领导");
        assert_eq!(restructure(&d, id, Restructure::Level(2)), Ok(None));
    }
}
