//! Problems with a draft as a whole: broken structure (errors, which stop a file from
//! loading) and missing content (warnings). The 公文 rules are in [`crate::check`].

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::meta_field::{FieldKind, MetaField};
use crate::model::{Draft, Node, NodeId, MAX_LEVEL, REPORT_YEARS};
use crate::outline::{self, char_count, OutlineEntry};
use crate::text::clip;
use crate::xml_text::drops_characters;

/// What a field or paragraph holding characters the export drops is told.
const DROPPED: &str = "含有 Word 文件不能保存的控制字符（如手动换行符），导出时将被删去";

#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "提示",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// Where, in words a clerk recognises (e.g. `一、…（二）`); empty for the whole draft.
    pub location: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}：{}", self.location, self.message)
        }
    }
}

/// Everything wrong with the draft, errors first.
pub fn problems(draft: &Draft) -> Vec<Problem> {
    let mut out = errors(draft);
    out.extend(warnings(draft, &outline::outline(draft)));
    out
}

/// The problems that stop a draft from loading. Cheaper than [`problems`]: the outline,
/// which counts every character, is only made to name where an error is.
pub fn errors(draft: &Draft) -> Vec<Problem> {
    let mut out = Vec::new();
    let error = |location: String, message: String| Problem {
        severity: Severity::Error,
        location,
        message,
    };
    if draft.id.trim().is_empty() {
        out.push(error(String::new(), "草稿缺少存储编号 id".into()));
    }
    if !REPORT_YEARS.contains(&draft.report_year) {
        out.push(error(
            "基本信息".into(),
            format!(
                "报告年度 {} 无效，应在 {} 至 {} 之间",
                draft.report_year,
                REPORT_YEARS.start(),
                REPORT_YEARS.end()
            ),
        ));
    }
    let mut seen = HashSet::new();
    for id in draft.ids() {
        if !seen.insert(id) {
            out.push(error(String::new(), format!("编号 {id} 重复出现")));
        }
    }
    let entries = OnceCell::new();
    let locator = OnceCell::new();
    let place = |id| {
        locator
            .get_or_init(|| Locator::new(entries.get_or_init(|| outline::outline(draft))))
            .location(id)
    };
    for section in &draft.sections {
        if !section.numbered && section.children.iter().any(Node::is_heading) {
            out.push(error(place(section.id), "不编号的部分中不能有标题".into()));
        }
        if let Some(depth) = deepest_heading(&section.children, 2) {
            out.push(error(
                place(section.id),
                format!("标题层级达到第 {depth} 级，最多只能有四级（一、（一）1.（1））"),
            ));
        }
    }
    out
}

fn warnings(draft: &Draft, entries: &[OutlineEntry]) -> Vec<Problem> {
    let mut out = Vec::new();
    let warning = |location: String, message: &str| Problem {
        severity: Severity::Warning,
        location,
        message: message.to_string(),
    };
    if draft.meta.title.trim().is_empty() {
        out.push(warning("基本信息".into(), "标题未填写"));
    }
    for field in MetaField::HEADER.into_iter().chain(MetaField::CLOSING) {
        let value = field.get(&draft.meta);
        let dropped = match field.kind() {
            FieldKind::Lines => value.split('\n').any(drops_characters),
            _ => drops_characters(&value),
        };
        if dropped {
            out.push(warning(
                "基本信息".into(),
                &format!("{}{DROPPED}", field.label()),
            ));
        }
    }
    // Built once: a draft with 100 000 empty paragraphs has as many warnings.
    let locator = Locator::new(entries);
    for section in &draft.sections {
        if section.numbered && outline::nodes_chars(&section.children) == 0 {
            out.push(warning(locator.location(section.id), "这一部分还没有内容"));
        }
        walk(
            &section.children,
            section.id,
            &mut |node, parent, ordinal| {
                let dropped = match node {
                    Node::Heading { title, text, .. } => {
                        drops_characters(title) || drops_characters(text)
                    }
                    Node::Paragraph { text, .. } => drops_characters(text),
                };
                if dropped {
                    let at = match node {
                        Node::Heading { .. } => locator.location(node.id()),
                        Node::Paragraph { .. } => locator.paragraph_location(parent, ordinal),
                    };
                    out.push(warning(at, DROPPED));
                }
                match node {
                    Node::Heading { title, .. } if char_count(title) == 0 => {
                        out.push(warning(locator.location(node.id()), "标题为空"))
                    }
                    Node::Paragraph { text, .. } if char_count(text) == 0 => out.push(warning(
                        locator.paragraph_location(parent, ordinal),
                        "段落为空",
                    )),
                    _ => {}
                }
            },
        );
    }
    out
}

/// Visits every node with the id of the section or heading it is in and, for a
/// paragraph, its 1-based position among the paragraphs there.
fn walk<'a>(nodes: &'a [Node], parent: NodeId, visit: &mut impl FnMut(&'a Node, NodeId, usize)) {
    let mut paragraphs = 0;
    for node in nodes {
        if !node.is_heading() {
            paragraphs += 1;
        }
        visit(node, parent, paragraphs);
        walk(node.children(), node.id(), visit);
    }
}

/// The level of the first heading deeper than [`MAX_LEVEL`], if any.
fn deepest_heading(nodes: &[Node], level: u8) -> Option<u8> {
    nodes.iter().filter(|n| n.is_heading()).find_map(|n| {
        if level > MAX_LEVEL {
            Some(level)
        } else {
            deepest_heading(n.children(), level + 1)
        }
    })
}

/// Names sections and headings by their outline path, from an index of the outline made
/// once, so that naming each of many problems costs no search through the draft.
pub struct Locator<'a> {
    entries: &'a [OutlineEntry],
    index: HashMap<NodeId, usize>,
    /// For each entry, the entry it is under (the nearest one before it of a lower level).
    parents: Vec<Option<usize>>,
}

impl<'a> Locator<'a> {
    pub fn new(entries: &'a [OutlineEntry]) -> Self {
        let mut parents = Vec::with_capacity(entries.len());
        let mut open: Vec<usize> = Vec::new();
        for (i, entry) in entries.iter().enumerate() {
            while open
                .last()
                .is_some_and(|&top| entries[top].level >= entry.level)
            {
                open.pop();
            }
            parents.push(open.last().copied());
            open.push(i);
        }
        let index = entries.iter().enumerate().map(|(i, e)| (e.id, i)).collect();
        Locator {
            entries,
            index,
            parents,
        }
    }

    /// `一、标题 › （二）标题` for a section or heading; empty for another id.
    pub fn location(&self, id: NodeId) -> String {
        let Some(&index) = self.index.get(&id) else {
            return String::new();
        };
        let mut chain = vec![index];
        while let Some(parent) = chain.last().and_then(|&i| self.parents[i]) {
            chain.push(parent);
        }
        chain
            .iter()
            .rev()
            .map(|&i| {
                format!(
                    "{}{}",
                    self.entries[i].label,
                    clip(&self.entries[i].title, SHORT_TITLE_CHARS)
                )
            })
            .collect::<Vec<_>>()
            .join(" › ")
    }

    /// `一、标题 › 第3段` for the `ordinal`-th paragraph under a section or heading.
    pub fn paragraph_location(&self, parent: NodeId, ordinal: usize) -> String {
        format!("{} › 第{ordinal}段", self.location(parent))
    }
}

/// `一、标题 › （二）标题` for a section or heading. For many, use a [`Locator`].
pub fn location(entries: &[OutlineEntry], id: NodeId) -> String {
    Locator::new(entries).location(id)
}

/// Location of a paragraph: its heading's location and its position among the paragraphs there.
pub fn paragraph_location(draft: &Draft, entries: &[OutlineEntry], id: NodeId) -> String {
    fn parent_of(nodes: &[Node], parent: NodeId, id: NodeId) -> Option<(NodeId, usize)> {
        if let Some(i) = nodes
            .iter()
            .filter(|n| !n.is_heading())
            .position(|n| n.id() == id)
        {
            return Some((parent, i + 1));
        }
        nodes
            .iter()
            .find_map(|n| parent_of(n.children(), n.id(), id))
    }
    draft
        .sections
        .iter()
        .find_map(|s| parent_of(&s.children, s.id, id))
        .map(|(parent, n)| Locator::new(entries).paragraph_location(parent, n))
        .unwrap_or_default()
}

/// How much of a heading's title a location quotes.
const SHORT_TITLE_CHARS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewNode, Parent, TextField};
    use crate::template::Template;

    #[test]
    fn a_new_draft_has_warnings_but_no_errors() {
        let d = Template::builtin_default().new_draft("x".into(), 2023);
        let problems = problems(&d);
        assert!(problems.iter().all(|p| p.severity == Severity::Warning));
        // Five numbered sections, all empty.
        assert_eq!(
            problems
                .iter()
                .filter(|p| p.message == "这一部分还没有内容")
                .count(),
            5
        );
        assert!(problems[0]
            .location
            .starts_with("一、2023年推进法治政府建设"));
    }

    #[test]
    fn empty_headings_and_paragraphs_are_located() {
        let mut d = Template::builtin_default().new_draft("x".into(), 2023);
        let s = d.sections[1].id;
        let h = d.add_node(Parent::Section(s), NewNode::Heading).unwrap();
        d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        let p = d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        d.set_text(p, TextField::Text, "内容".into()).unwrap();
        let found: Vec<String> = problems(&d).iter().map(ToString::to_string).collect();
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
        let found: Vec<String> = problems(&d).iter().map(ToString::to_string).collect();
        for expected in [
            format!("基本信息：标题{DROPPED}"),
            format!("基本信息：发文机关全称{DROPPED}"),
            format!("基本信息：附件说明{DROPPED}"),
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
        assert!(!problems(&d).iter().any(|p| p.message.contains(DROPPED)));
    }

    #[test]
    fn structural_errors() {
        let mut d = Template::builtin_default().new_draft("x".into(), 2023);
        d.sections[0].children.push(Node::Heading {
            id: 100,
            title: "导语里的标题".into(),
            text: String::new(),
            children: vec![],
        });
        // Five nested headings under a section: levels 2..=6.
        let mut deep = Node::Paragraph {
            id: 200,
            text: "x".into(),
        };
        for id in (201..=205).rev() {
            deep = Node::Heading {
                id,
                title: "t".into(),
                text: String::new(),
                children: vec![deep],
            };
        }
        d.sections[1].children.push(deep);
        d.id = " ".into();
        let errors: Vec<_> = problems(&d)
            .into_iter()
            .filter(|p| p.severity == Severity::Error)
            .map(|p| p.message)
            .collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[2].contains("第 5 级"), "{errors:?}");
    }
}
