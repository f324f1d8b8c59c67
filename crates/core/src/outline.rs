//! Heading numbers derived from position, and the flattened outline the sidebar shows.
//!
//! Levels follow GB/T 9704-2012 7.3.3: 一、 / （一） / 1. / （1）. Numbers restart under
//! each parent; paragraphs between headings do not count. Unnumbered sections (the
//! opening paragraph) take no number and do not advance the count.

use crate::model::{Draft, Node, NodeId};

/// Chinese numeral for 1..=99 (一, 十, 十一, 二十, 九十九); Arabic beyond that, which
/// no real report reaches but which must not panic either.
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        1..=9 => DIGITS[n].to_string(),
        10..=99 => {
            let (tens, ones) = (n / 10, n % 10);
            let tens = if tens == 1 { "" } else { DIGITS[tens] };
            format!("{tens}十{}", DIGITS[ones])
        }
        _ => n.to_string(),
    }
}

/// The printed label of the `ordinal`-th (1-based) heading at `level`.
pub fn heading_label(level: u8, ordinal: usize) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(ordinal)),
        2 => format!("（{}）", chinese_numeral(ordinal)),
        3 => format!("{ordinal}."),
        _ => format!("（{ordinal}）"),
    }
}

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
    fn numerals() {
        let cases = [
            (1, "一"),
            (9, "九"),
            (10, "十"),
            (11, "十一"),
            (20, "二十"),
            (21, "二十一"),
            (99, "九十九"),
            (100, "100"),
        ];
        for (n, want) in cases {
            assert_eq!(chinese_numeral(n), want, "{n}");
        }
    }

    #[test]
    fn labels_per_level() {
        assert_eq!(heading_label(1, 3), "三、");
        assert_eq!(heading_label(2, 12), "（十二）");
        assert_eq!(heading_label(3, 2), "2.");
        assert_eq!(heading_label(4, 5), "（5）");
    }

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
