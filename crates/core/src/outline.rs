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

/// The outline of the whole draft: every section and heading with its number. One pass
/// over the text: each heading's count is summed from below, not counted again.
pub fn outline(draft: &Draft) -> Vec<OutlineEntry> {
    let mut out = Vec::new();
    for section in &draft.sections {
        let at = out.len();
        out.push(OutlineEntry {
            id: section.id,
            section_id: section.id,
            level: 1,
            label: section_label(draft, section.id),
            title: section.title.clone(),
            chars: 0,
        });
        out[at].chars = push_headings(&section.children, section.id, 2, &mut out);
    }
    out
}

/// The number of section `id` (`二、`): empty for an unnumbered or unknown section.
pub fn section_label(draft: &Draft, id: NodeId) -> String {
    let mut numbered = draft.sections.iter().filter(|s| s.numbered);
    match numbered.position(|s| s.id == id) {
        Some(index) => heading_label(1, index + 1),
        None => String::new(),
    }
}

/// Pushes the headings among `nodes`, each followed by those below it, and returns the
/// characters of `nodes`.
fn push_headings(
    nodes: &[Node],
    section_id: NodeId,
    level: u8,
    out: &mut Vec<OutlineEntry>,
) -> usize {
    let mut chars = 0;
    let mut ordinal = 0;
    for node in nodes {
        match node {
            Node::Paragraph { text, .. } => chars += char_count(text),
            Node::Heading {
                id,
                title,
                text,
                children,
            } => {
                ordinal += 1;
                let at = out.len();
                out.push(OutlineEntry {
                    id: *id,
                    section_id,
                    level,
                    label: heading_label(level, ordinal),
                    title: title.clone(),
                    chars: 0,
                });
                let below = char_count(text) + push_headings(children, section_id, level + 1, out);
                out[at].chars = below;
                chars += char_count(title) + below;
            }
        }
    }
    chars
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
    fn counts_summed_from_below_are_the_counts_of_each_heading_and_section() {
        let mut draft =
            crate::from_json(include_str!("../tests/fixtures/draft-shangcheng-2023.json")).unwrap();
        // Two levels below the fixture's headings, with run-in text and a paragraph.
        let heading = draft.sections[1].children[0].id();
        let sub = draft
            .add_node(Parent::Heading(heading), NewNode::Heading)
            .unwrap();
        let subsub = draft
            .add_node(Parent::Heading(sub), NewNode::Heading)
            .unwrap();
        let paragraph = draft
            .add_node(Parent::Heading(subsub), NewNode::Paragraph)
            .unwrap();
        for (id, field, text) in [
            (sub, TextField::Title, "健全制度"),
            (sub, TextField::Text, "制度 建设。"),
            (subsub, TextField::Title, "规范性文件"),
            (paragraph, TextField::Text, "全年审查文件十二件。"),
        ] {
            draft.set_text(id, field, text.into()).unwrap();
        }
        let entries = outline(&draft);
        assert!(entries.iter().any(|e| e.level == 4));
        for entry in &entries {
            let expected = match draft.node(entry.id) {
                Some(node) => node_chars(node) - char_count(&entry.title),
                None => nodes_chars(&draft.section(entry.id).unwrap().children),
            };
            assert_eq!(entry.chars, expected, "{entry:?}");
            let section_label = section_label(&draft, entry.section_id);
            if entry.level == 1 {
                assert_eq!(entry.label, section_label);
            }
        }
        assert_eq!(section_label(&draft, NodeId::MAX), "");
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
