//! Changes to a draft as values. Applying one returns its inverse, the edit that puts
//! the draft back exactly as it was: undo applies that, and what undo returns is redo.
//! The app's reducer, the CLI and the tests change a draft's content through these, so
//! every change can be undone ([`crate::history::History`] keeps the steps).

use std::mem;
use std::rc::Rc;

use crate::attachment::TableEntry;
use crate::meta_field::MetaField;
use crate::model::{
    collect_ids, Direction, Draft, EditError, Metadata, NewNode, Node, NodeId, Parent, TextField,
    REPORT_YEARS,
};
use crate::plan_items::PlanState;

#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Replaces the title or text of a section, heading or paragraph.
    SetText {
        id: NodeId,
        field: TextField,
        text: String,
    },
    /// Stores a metadata field as a form sends it (see [`MetaField::set`]).
    SetMeta { field: MetaField, value: String },
    /// Puts back the metadata as it was before `field` was set: the inverse of
    /// [`Edit::SetMeta`], since a form value does not always read back as stored
    /// (签发人 are split on 、, attachment lines are trimmed).
    RestoreMeta {
        field: MetaField,
        meta: Box<Metadata>,
    },
    /// The name shown in the list of drafts.
    Rename(String),
    /// Puts a node with its subtree at `index` among the children of `parent` (at the
    /// end when `index` is past it).
    Insert {
        parent: Parent,
        index: usize,
        node: Node,
    },
    /// Deletes a node with everything under it. `next_id` is `Some` when the removal
    /// takes back an insertion: the ids that insertion used become free again, so the
    /// draft is exactly as before it.
    Remove { id: NodeId, next_id: Option<NodeId> },
    /// Moves a node to `index` among its siblings (the last place when past it).
    Move { id: NodeId, index: usize },
    /// Writes a user cell of the attached table, in the row of plan item `number`.
    SetTableCell {
        number: String,
        column: usize,
        text: String,
    },
    /// Puts back the user's cells of one row as [`crate::attachment::AttachmentTable::entry`]
    /// gave them: the inverse of [`Edit::SetTableCell`], which adds a row's entry on
    /// its first cell and drops it with its last. `column` is the cell that changed.
    RestoreTableRow {
        number: String,
        column: usize,
        entry: Option<(usize, TableEntry)>,
    },
    /// The year's plan with the user's decisions on it; `None` removes it. Plans are
    /// short and decided on by click, so the whole state is the unit.
    SetPlan(Option<Rc<PlanState>>),
    /// The 保密审查 has been done.
    SetSecrecyReviewed(bool),
    /// The checker rules ignored in this draft, in the order they were ignored.
    SetIgnoredRules(Vec<String>),
    /// The year the report is about (see [`crate::template::change_report_year`] for
    /// the texts that follow it).
    SetReportYear(u16),
    /// Replaces a section's writing guidance, which its template gave (the user does
    /// not edit it; it follows the report year).
    SetGuidance { id: NodeId, text: String },
    /// Several edits as one step, applied in order and undone together.
    Batch(Vec<Edit>),
}

/// Where an edit changed the draft, as the user finds it: undo shows it, and typing into
/// one text is one step until a pause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A section's title, a heading's title or run-in text, a paragraph's text.
    Text {
        id: NodeId,
        field: TextField,
    },
    Meta(MetaField),
    Name,
    TableCell {
        number: String,
        column: usize,
    },
    Plan,
    SecrecyReviewed,
    IgnoredRules,
    ReportYear,
}

impl Target {
    /// The text of a section or node the user edits first: a paragraph's text, else the
    /// title.
    pub fn node(draft: &Draft, id: NodeId) -> Target {
        let field = match draft.node(id) {
            Some(Node::Paragraph { .. }) => TextField::Text,
            _ => TextField::Title,
        };
        Target::Text { id, field }
    }
}

impl Edit {
    /// Adds an empty heading or paragraph at the end of `parent`; its id is
    /// [`Draft::next_id`].
    pub fn add(draft: &Draft, parent: Parent, kind: NewNode) -> Result<Edit, EditError> {
        Ok(Edit::Insert {
            parent,
            index: draft.children_of(parent)?.len(),
            node: draft.new_node(kind),
        })
    }

    /// Adds an empty paragraph right after node `id`, among its siblings.
    pub fn add_after(draft: &Draft, id: NodeId) -> Result<Edit, EditError> {
        let (parent, index) = draft.locate(id).ok_or(EditError::NotFound(id))?;
        Ok(Edit::Insert {
            parent,
            index: index + 1,
            node: draft.new_node(NewNode::Paragraph),
        })
    }

    /// Ignores checker rule `rule` in this draft (本稿忽略此规则); `None` when it is
    /// already ignored.
    pub fn ignore_rule(draft: &Draft, rule: &str) -> Option<Edit> {
        let ignored = &draft.ignored_rules;
        (!ignored.iter().any(|r| r == rule)).then(|| {
            let mut rules = ignored.clone();
            rules.push(rule.to_string());
            Edit::SetIgnoredRules(rules)
        })
    }

    /// Moves a node one place up or down among its siblings; `None` at either end.
    pub fn move_by(
        draft: &Draft,
        id: NodeId,
        direction: Direction,
    ) -> Result<Option<Edit>, EditError> {
        let (parent, index) = draft.locate(id).ok_or(EditError::NotFound(id))?;
        let count = draft.children_of(parent)?.len();
        let to = match direction {
            Direction::Up => index.checked_sub(1),
            Direction::Down => Some(index + 1).filter(|&i| i < count),
        };
        Ok(to.map(|index| Edit::Move { id, index }))
    }

    /// The text typing into it goes to, for edits that replace one text.
    pub fn typed_target(&self) -> Option<Target> {
        match self {
            Edit::SetText { id, field, .. } => Some(Target::Text {
                id: *id,
                field: *field,
            }),
            Edit::SetMeta { field, .. } | Edit::RestoreMeta { field, .. } => {
                Some(Target::Meta(*field))
            }
            Edit::Rename(_) => Some(Target::Name),
            Edit::SetTableCell { number, column, .. }
            | Edit::RestoreTableRow { number, column, .. } => Some(Target::TableCell {
                number: number.clone(),
                column: *column,
            }),
            _ => None,
        }
    }

    /// Where `draft` changed when an edit was applied, given that edit's inverse
    /// (`self`): the node put back, moved or edited; after a node was removed, the one
    /// before it, else the one now in its place, else its parent.
    pub fn changed_place(&self, draft: &Draft) -> Option<Target> {
        let whole_node = |id: NodeId| Target::node(draft, id);
        match self {
            Edit::Remove { id, .. } | Edit::Move { id, .. } => Some(whole_node(*id)),
            Edit::Insert { parent, index, .. } => {
                let (Parent::Section(parent_id) | Parent::Heading(parent_id)) = *parent;
                let siblings = draft.children_of(*parent).unwrap_or_default();
                let neighbour = index
                    .checked_sub(1)
                    .and_then(|i| siblings.get(i))
                    .or_else(|| siblings.get(*index));
                Some(match neighbour {
                    Some(node) => whole_node(node.id()),
                    None => Target::Text {
                        id: parent_id,
                        field: TextField::Title,
                    },
                })
            }
            Edit::SetPlan(_) => Some(Target::Plan),
            Edit::SetSecrecyReviewed(_) => Some(Target::SecrecyReviewed),
            Edit::SetIgnoredRules(_) => Some(Target::IgnoredRules),
            Edit::SetReportYear(_) => Some(Target::ReportYear),
            Edit::SetGuidance { id, .. } => Some(Target::Text {
                id: *id,
                field: TextField::Title,
            }),
            // The inverse of a batch is in reverse order: its first place is that of the
            // batch's last edit, which for a paste taken back is the paragraph pasted into.
            Edit::Batch(edits) => edits.iter().find_map(|e| e.changed_place(draft)),
            _ => self.typed_target(),
        }
    }
}

impl Draft {
    /// Applies `edit` and returns its inverse, or `None` when the draft already was as
    /// the edit makes it. On an error the draft is unchanged.
    pub fn apply(&mut self, edit: Edit) -> Result<Option<Edit>, EditError> {
        match edit {
            Edit::SetText { id, field, text } => {
                let slot = self.text_mut(id, field)?;
                Ok((*slot != text).then(|| Edit::SetText {
                    id,
                    field,
                    text: mem::replace(slot, text),
                }))
            }
            Edit::SetMeta { field, value } => {
                let before = self.meta.clone();
                field.set(&mut self.meta, &value);
                Ok((self.meta != before).then(|| Edit::RestoreMeta {
                    field,
                    meta: Box::new(before),
                }))
            }
            Edit::RestoreMeta { field, meta } => {
                Ok((self.meta != *meta).then(|| Edit::RestoreMeta {
                    field,
                    meta: Box::new(mem::replace(&mut self.meta, *meta)),
                }))
            }
            Edit::Rename(name) => {
                Ok((self.name != name).then(|| Edit::Rename(mem::replace(&mut self.name, name))))
            }
            Edit::Insert {
                parent,
                index,
                node,
            } => self.insert(parent, index, node).map(Some),
            Edit::Remove { id, next_id } => self.remove(id, next_id).map(Some),
            Edit::Move { id, index } => {
                let (siblings, from) = self.siblings_mut(id)?;
                let to = index.min(siblings.len() - 1);
                if to == from {
                    return Ok(None);
                }
                let node = siblings.remove(from);
                siblings.insert(to, node);
                Ok(Some(Edit::Move { id, index: from }))
            }
            Edit::SetTableCell {
                number,
                column,
                text,
            } => {
                let table = self.attachment_table.as_mut().ok_or(EditError::NoTable)?;
                let before = table.entry(&number).map(|(at, e)| (at, e.clone()));
                table.set_cell(&number, column, text)?;
                let after = table.entry(&number).map(|(at, e)| (at, e.clone()));
                Ok((after != before).then_some(Edit::RestoreTableRow {
                    number,
                    column,
                    entry: before,
                }))
            }
            Edit::RestoreTableRow {
                number,
                column,
                entry,
            } => {
                let table = self.attachment_table.as_mut().ok_or(EditError::NoTable)?;
                let before = table.entry(&number).map(|(at, e)| (at, e.clone()));
                if before == entry {
                    return Ok(None);
                }
                table.put_entry(&number, entry);
                Ok(Some(Edit::RestoreTableRow {
                    number,
                    column,
                    entry: before,
                }))
            }
            Edit::SetPlan(plan) => {
                Ok((self.plan != plan).then(|| Edit::SetPlan(mem::replace(&mut self.plan, plan))))
            }
            Edit::SetSecrecyReviewed(done) => Ok((self.secrecy_reviewed != done)
                .then(|| Edit::SetSecrecyReviewed(mem::replace(&mut self.secrecy_reviewed, done)))),
            Edit::SetIgnoredRules(rules) => Ok((self.ignored_rules != rules)
                .then(|| Edit::SetIgnoredRules(mem::replace(&mut self.ignored_rules, rules)))),
            Edit::SetReportYear(year) if !REPORT_YEARS.contains(&year) => {
                Err(EditError::YearOutOfRange(year))
            }
            Edit::SetReportYear(year) => Ok((self.report_year != year)
                .then(|| Edit::SetReportYear(mem::replace(&mut self.report_year, year)))),
            Edit::SetGuidance { id, text } => {
                let section = self
                    .sections
                    .iter_mut()
                    .find(|s| s.id == id)
                    .ok_or(EditError::NotFound(id))?;
                Ok((section.guidance != text).then(|| Edit::SetGuidance {
                    id,
                    text: mem::replace(&mut section.guidance, text),
                }))
            }
            Edit::Batch(edits) => self.apply_all(edits),
        }
    }

    /// The children of a section or heading.
    pub fn children_of(&self, parent: Parent) -> Result<&[Node], EditError> {
        match parent {
            Parent::Section(id) => Ok(&self.section(id)?.children),
            Parent::Heading(id) => match self.node(id) {
                Some(Node::Heading { children, .. }) => Ok(children),
                Some(Node::Paragraph { .. }) => Err(EditError::NotAHeading),
                None => Err(EditError::NotFound(id)),
            },
        }
    }

    /// The parent of node `id` and its place among the parent's children.
    pub fn locate(&self, id: NodeId) -> Option<(Parent, usize)> {
        fn find(nodes: &[Node], parent: Parent, id: NodeId) -> Option<(Parent, usize)> {
            if let Some(index) = nodes.iter().position(|n| n.id() == id) {
                return Some((parent, index));
            }
            nodes
                .iter()
                .find_map(|n| find(n.children(), Parent::Heading(n.id()), id))
        }
        self.sections
            .iter()
            .find_map(|s| find(&s.children, Parent::Section(s.id), id))
    }

    fn insert(&mut self, parent: Parent, index: usize, node: Node) -> Result<Edit, EditError> {
        let mut incoming = Vec::new();
        collect_ids(std::slice::from_ref(&node), &mut incoming);
        // Every id in use is below `next_id` (loading repairs a file where it is not), so
        // only ids below it can clash: a new node's never do, and a paste of k paragraphs
        // into a long draft stays linear instead of k × the draft's size.
        let reused: Vec<NodeId> = incoming
            .iter()
            .copied()
            .filter(|&id| id < self.next_id)
            .collect();
        if !reused.is_empty() {
            let in_use: std::collections::HashSet<NodeId> = self.ids().into_iter().collect();
            if let Some(&taken) = reused.iter().find(|id| in_use.contains(id)) {
                return Err(EditError::IdInUse(taken));
            }
        }
        let id = node.id();
        let list = self.list_for(parent, &node)?;
        list.insert(index.min(list.len()), node);
        let before = self.next_id;
        let highest = incoming.into_iter().max().unwrap_or(id);
        self.next_id = before.max(highest + 1);
        Ok(Edit::Remove {
            id,
            next_id: (self.next_id != before).then_some(before),
        })
    }

    fn remove(&mut self, id: NodeId, next_id: Option<NodeId>) -> Result<Edit, EditError> {
        let (parent, index) = self.locate(id).ok_or(EditError::NotFound(id))?;
        let (siblings, at) = self.siblings_mut(id)?;
        let node = siblings.remove(at);
        if let Some(next_id) = next_id {
            // Never below an id still in use, whatever the caller passed.
            let highest = self.ids().into_iter().max().unwrap_or(0);
            self.next_id = next_id.max(highest + 1);
        }
        Ok(Edit::Insert {
            parent,
            index,
            node,
        })
    }

    /// Applies edits in order; if one fails, those before it are taken back.
    fn apply_all(&mut self, edits: Vec<Edit>) -> Result<Option<Edit>, EditError> {
        let mut inverses = Vec::new();
        for edit in edits {
            match self.apply(edit) {
                Ok(inverse) => inverses.extend(inverse),
                Err(err) => {
                    for inverse in inverses.into_iter().rev() {
                        // Each inverse fits the draft it was taken from, restored in turn.
                        let _ = self.apply(inverse);
                    }
                    return Err(err);
                }
            }
        }
        inverses.reverse();
        Ok((!inverses.is_empty()).then_some(Edit::Batch(inverses)))
    }
}
