//! What stops a draft file from loading: broken structure (no id, a report year out of
//! range, repeated ids, headings where they cannot be). Everything a user can act on in
//! a draft that loads is a finding of [`crate::check`].

use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::fmt;

use crate::model::{Draft, Node, NodeId, MAX_LEVEL, REPORT_YEARS};
use crate::outline::{self, OutlineEntry};
use crate::text::clip;

/// A reason a draft cannot load.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// Where, in words a clerk recognises (e.g. `一、…（二）`); empty for the whole draft.
    pub location: String,
    pub message: String,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.location.is_empty() {
            write!(f, "{}", self.message)
        } else {
            write!(f, "{}：{}", self.location, self.message)
        }
    }
}

/// What stops a draft from loading. The outline, which counts every character, is only
/// made to name where an error is.
pub fn errors(draft: &Draft) -> Vec<LoadError> {
    let mut out = Vec::new();
    let error = |location: String, message: String| LoadError { location, message };
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

    /// Whether `id` is a section or heading of the outline.
    pub fn contains(&self, id: NodeId) -> bool {
        self.index.contains_key(&id)
    }

    /// `一、标题 › 第3段` for the `ordinal`-th paragraph under a section or heading.
    pub fn paragraph_location(&self, parent: NodeId, ordinal: usize) -> String {
        format!("{} › 第{ordinal}段", self.location(parent))
    }
}

/// How much of a heading's title a location quotes.
const SHORT_TITLE_CHARS: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

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
        let errors: Vec<_> = errors(&d).into_iter().map(|p| p.message).collect();
        assert_eq!(errors.len(), 3, "{errors:?}");
        assert!(errors[2].contains("第 5 级"), "{errors:?}");
    }
}
