//! Heading numbers derived from position, and the flattened outline the sidebar shows.
//!
//! Levels follow GB/T 9704-2012 7.3.3: 一、 / （一） / 1. / （1）. Numbers restart under
//! each parent; paragraphs between headings do not count. Unnumbered sections (the
//! opening paragraph) take no number and do not advance the count.

use crate::labels::heading_label;
use crate::model::{Draft, Node, NodeId};

/// Length as the checker and the UI count it: non-whitespace characters.
pub fn char_count(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

/// One heading of the outline, in document order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineEntry {
    /// The section or heading node.
    pub id: NodeId,
    /// The section this entry belongs to.
    pub section_id: NodeId,
    /// 1 for a section, 2–4 for headings below it.
    pub level: u8,
    /// `一、`, `（二）`, … ; empty for an unnumbered section.
    pub label: String,
    pub title: String,
    /// Characters of the text under this entry (run-in text, subheadings and
    /// paragraphs), not of its own title.
    pub chars: usize,
}

/// The outline of the whole draft: every section and heading with its number.
pub fn outline(draft: &Draft) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    let mut section_ordinal = 0;
    for section in &draft.sections {
        let label = if section.numbered {
            section_ordinal += 1;
            heading_label(1, section_ordinal)
        } else {
            String::new()
        };
        out.push(OutlineEntry {
            id: section.id,
            section_id: section.id,
            level: 1,
            label,
            title: section.title.clone(),
            chars: nodes_chars(&section.children),
        });
        push_headings(&section.children, section.id, 2, &mut out);
    }
    out
}

fn push_headings(nodes: &[Node], section_id: NodeId, level: u8, out: &mut Vec<OutlineEntry>) {
    for (ordinal, node) in nodes.iter().filter(|n| n.is_heading()).enumerate() {
        if let Node::Heading { id, title, .. } = node {
            out.push(OutlineEntry {
                id: *id,
                section_id,
                level,
                label: heading_label(level, ordinal + 1),
                title: title.clone(),
                chars: node_chars(node) - char_count(title),
            });
            push_headings(node.children(), section_id, level + 1, out);
        }
    }
}

/// Labels of the headings among `nodes` at `level`, keyed by node id, for an editor
/// that shows one list of siblings at a time.
pub fn sibling_labels(nodes: &[Node], level: u8) -> Vec<(NodeId, String)> {
    nodes
        .iter()
        .filter(|n| n.is_heading())
        .enumerate()
        .map(|(i, n)| (n.id(), heading_label(level, i + 1)))
        .collect()
}

pub fn node_chars(node: &Node) -> usize {
    match node {
        Node::Heading {
            title,
            text,
            children,
            ..
        } => char_count(title) + char_count(text) + nodes_chars(children),
        Node::Paragraph { text, .. } => char_count(text),
    }
}

/// The nodes' texts in reading order, one line each: a heading's title with its run-in
/// text, a paragraph's text.
pub fn push_node_lines(nodes: &[Node], lines: &mut Vec<String>) {
    for node in nodes {
        match node {
            Node::Heading {
                title,
                text,
                children,
                ..
            } => {
                lines.push(format!("{title}{text}"));
                push_node_lines(children, lines);
            }
            Node::Paragraph { text, .. } => lines.push(text.clone()),
        }
    }
}

pub fn nodes_chars(nodes: &[Node]) -> usize {
    nodes.iter().map(node_chars).sum()
}

/// Characters of the body text, without the section titles (which come from the template).
pub fn draft_chars(draft: &Draft) -> usize {
    draft
        .sections
        .iter()
        .map(|s| nodes_chars(&s.children))
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewNode, Parent, TextField};
    use crate::template::Template;

    #[test]
    fn numbers_follow_position_and_skip_paragraphs_and_unnumbered_sections() {
        let mut d = Template::builtin_default().new_draft("x".into(), 2023);
        assert!(
            !d.sections[0].numbered,
            "the default template opens with an unnumbered 导语"
        );
        let s1 = d.sections[1].id;
        let s2 = d.sections[2].id;
        d.add_node(Parent::Section(s1), NewNode::Paragraph).unwrap();
        let a = d.add_node(Parent::Section(s1), NewNode::Heading).unwrap();
        d.add_node(Parent::Section(s1), NewNode::Paragraph).unwrap();
        let b = d.add_node(Parent::Section(s1), NewNode::Heading).unwrap();
        let b1 = d.add_node(Parent::Heading(b), NewNode::Heading).unwrap();
        let b1a = d.add_node(Parent::Heading(b1), NewNode::Heading).unwrap();
        d.set_text(b, TextField::Title, "打造法治化营商环境".into())
            .unwrap();
        let entries = outline(&d);
        let label = |id| entries.iter().find(|e| e.id == id).unwrap().label.clone();
        assert_eq!(label(d.sections[0].id), "");
        assert_eq!(label(s1), "一、");
        assert_eq!(label(s2), "二、");
        assert_eq!(label(a), "（一）");
        assert_eq!(label(b), "（二）");
        assert_eq!(label(b1), "1.");
        assert_eq!(label(b1a), "（1）");
        // Moving b before a renumbers both headings.
        d.apply(crate::edit::Edit::Move { id: b, index: 1 })
            .unwrap();
        let entries = outline(&d);
        let label = |id| entries.iter().find(|e| e.id == id).unwrap().label.clone();
        assert_eq!(label(b), "（一）");
        assert_eq!(label(a), "（二）");
    }

    #[test]
    fn character_counts_ignore_whitespace() {
        assert_eq!(char_count(" 法治 政府\n建设 "), 6);
        let mut d = Template::builtin_default().new_draft("x".into(), 2023);
        let s = d.sections[1].id;
        let base = outline(&d).iter().find(|e| e.id == s).unwrap().chars;
        let p = d.add_node(Parent::Section(s), NewNode::Paragraph).unwrap();
        d.set_text(p, TextField::Text, "一二三 四五".into())
            .unwrap();
        let after = outline(&d).iter().find(|e| e.id == s).unwrap().chars;
        assert_eq!(after - base, 5);
    }
}
