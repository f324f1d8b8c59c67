//! Where a finding is, in words a clerk recognises: line and column, a form field, a
//! heading path.

use std::collections::HashMap;

use super::{Location, TextRef};
use crate::model::{Draft, Node, NodeId, TextField};
use crate::outline::OutlineEntry;
use crate::validate::Locator;

/// Names the places of a draft's findings from indexes made once, so that naming each
/// of many findings (a draft may have 100 000 empty paragraphs) costs no search.
pub struct Places<'a> {
    draft: Option<&'a Draft>,
    locator: Locator<'a>,
    /// For each paragraph, the section or heading it is in and its 1-based position
    /// among the paragraphs there.
    paragraphs: HashMap<NodeId, (NodeId, usize)>,
}

impl<'a> Places<'a> {
    /// `entries` is the draft's outline (empty without a draft).
    pub fn new(draft: Option<&'a Draft>, entries: &'a [OutlineEntry]) -> Places<'a> {
        let mut paragraphs = HashMap::new();
        for section in draft.map_or(&[][..], |d| &d.sections) {
            index_paragraphs(&section.children, section.id, &mut paragraphs);
        }
        Places {
            draft,
            locator: Locator::new(entries),
            paragraphs,
        }
    }
}

fn index_paragraphs(nodes: &[Node], parent: NodeId, index: &mut HashMap<NodeId, (NodeId, usize)>) {
    let mut ordinal = 0;
    for node in nodes {
        match node {
            Node::Paragraph { id, .. } => {
                ordinal += 1;
                index.insert(*id, (parent, ordinal));
            }
            Node::Heading { id, children, .. } => index_paragraphs(children, *id, index),
        }
    }
}

impl Location {
    /// The place in words: `第17行第3字`, a form field, `一、… › （二）… 第3字`; empty
    /// for the whole document.
    pub fn describe(&self, places: &Places) -> String {
        let (target, range) = match self {
            Location::Document => return String::new(),
            Location::Section { id } => return places.locator.location(*id),
            Location::Text { target, range } => (target, range),
        };
        let column = range.map_or(String::new(), |r| format!("第{}字", r.start + 1));
        match target {
            TextRef::Line { line } => format!("第{line}行{column}"),
            TextRef::TableCell { cell } => {
                format!(
                    "附件表格第{}行第{}列{column}",
                    cell.row + 1,
                    cell.column + 1
                )
            }
            TextRef::Field { field } => format!("{}{column}", field.label()),
            TextRef::Node { id, part } => {
                if places.draft.is_none() {
                    return String::new();
                }
                let node = match part {
                    TextField::Title => places.locator.location(*id),
                    TextField::Text => match places.paragraphs.get(id) {
                        Some(&(parent, ordinal)) => {
                            places.locator.paragraph_location(parent, ordinal)
                        }
                        None if places.locator.contains(*id) => {
                            format!("{}（正文）", places.locator.location(*id))
                        }
                        None => String::new(),
                    },
                };
                if column.is_empty() {
                    node
                } else {
                    format!("{node} {column}")
                }
            }
        }
    }
}
