//! The document model of one annual report draft and the edits the app makes to it.
//!
//! A draft holds the header/footer metadata of a 上行文 report and a body made of
//! sections (the outline parts of its template). Each section is a tree of headings
//! and paragraphs. Heading numbers are never stored: they follow from position
//! (see [`crate::outline`]).

use std::rc::Rc;

use serde::{Deserialize, Serialize};

use crate::attachment::{AttachmentTable, TableEditError};
use crate::date::CalendarDate;
use crate::export_options::ExportOptions;
pub use crate::node_id::NodeId;
use crate::plan_items::PlanState;

/// Deepest heading level: 一、(1) / （一）(2) / 1.(3) / （1）(4).
pub const MAX_LEVEL: u8 = 4;
/// The years a report can be about: those whose following year (报送 and 公开, the
/// 成文日期) is still a real date (see [`crate::CalendarDate`]).
pub const REPORT_YEARS: std::ops::RangeInclusive<u16> = 1900..=2998;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    /// Storage identity; stays the same across renames.
    pub id: String,
    /// The name shown in the list of drafts.
    pub name: String,
    /// The year the report is about (the 2023 report is written in early 2024).
    pub report_year: u16,
    /// Name of the template the draft was started from.
    pub template: String,
    pub meta: Metadata,
    pub sections: Vec<Section>,
    /// How the .docx is laid out: profile, fonts, red header, sealed or not.
    pub export: ExportOptions,
    /// The year's plan the report is checked against, with the user's coverage decisions.
    /// Shared: the app copies the draft on every keystroke (its page still holds the draft
    /// it rendered), and a 100-item plan, which typing never changes, was most of that copy.
    /// The JSON is the same as the plan's own (serde's `rc` feature).
    pub plan: Option<Rc<PlanState>>,
    /// The 保密审查 required before the report is published has been done (规定第二十四条).
    pub secrecy_reviewed: bool,
    /// The table printed as an attachment after the document, if the template has one.
    pub attachment_table: Option<AttachmentTable>,
    /// Checker rules (ids of [`crate::rules::Rule`]) the user turned off for this
    /// draft (本稿忽略此规则). Absent from the file when empty, so a draft without
    /// ignored rules is written as before the field existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ignored_rules: Vec<String>,
    /// The next free [`NodeId`]; always above every id in use.
    pub next_id: NodeId,
}

/// Header (版头), title block and footer (版记) details of the document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// 发文机关全称, e.g. 嘉兴市卫生健康委员会.
    pub issuer_name: String,
    /// 发文机关标志, the red header text, e.g. 嘉兴市卫生健康委员会文件.
    pub issuer_mark: String,
    pub doc_number: DocNumber,
    /// 签发人: one or more names.
    pub signers: Vec<String>,
    /// 标题
    pub title: String,
    /// 主送机关, without the closing colon.
    pub recipients: String,
    /// 发文机关署名
    pub signature: String,
    /// 成文日期
    pub date: Option<CalendarDate>,
    /// 附件说明: one attachment name per entry.
    pub attachments: Vec<String>,
    /// 附注
    pub annotation: String,
    /// 抄送机关, without the closing full stop.
    pub cc: String,
    /// 印发机关
    pub printer: String,
    /// 印发日期
    pub print_date: Option<CalendarDate>,
    /// 份号 (optional)
    pub copy_number: String,
    /// 密级 (optional)
    pub secrecy: Secrecy,
    /// 紧急程度 (optional)
    pub urgency: Urgency,
}

/// 发文字号: 机关代字〔年份〕序号号.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocNumber {
    /// 机关代字, e.g. 嘉卫.
    pub agency_code: String,
    pub year: Option<u16>,
    pub serial: Option<u32>,
}

impl DocNumber {
    /// The number as printed, e.g. `嘉卫〔2023〕24号`; empty when nothing is filled in.
    pub fn display(&self) -> String {
        if self.agency_code.is_empty() && self.year.is_none() && self.serial.is_none() {
            return String::new();
        }
        let year = self.year.map(|y| y.to_string()).unwrap_or_default();
        let serial = self.serial.map(|s| s.to_string()).unwrap_or_default();
        format!("{}〔{year}〕{serial}号", self.agency_code)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Secrecy {
    #[default]
    None,
    Secret,
    Confidential,
    TopSecret,
}

impl Secrecy {
    pub const ALL: [Secrecy; 4] = [
        Secrecy::None,
        Secrecy::Secret,
        Secrecy::Confidential,
        Secrecy::TopSecret,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Secrecy::None => "无",
            Secrecy::Secret => "秘密",
            Secrecy::Confidential => "机密",
            Secrecy::TopSecret => "绝密",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Urgency {
    #[default]
    None,
    Urgent,
    ExtraUrgent,
}

impl Urgency {
    pub const ALL: [Urgency; 3] = [Urgency::None, Urgency::Urgent, Urgency::ExtraUrgent];

    pub fn label(self) -> &'static str {
        match self {
            Urgency::None => "无",
            Urgency::Urgent => "加急",
            Urgency::ExtraUrgent => "特急",
        }
    }
}

/// One outline part of the body, e.g. 一、主要举措和成效.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: NodeId,
    /// The template's key for this part (e.g. `measures`), so checks can find it after renames.
    pub key: String,
    pub title: String,
    /// What belongs here, copied from the template so a draft stands on its own.
    pub guidance: String,
    /// Whether the section is a numbered level-1 heading; an unnumbered one (such as
    /// the opening paragraph before 一、) prints its content without a heading line.
    pub numbered: bool,
    pub children: Vec<Node>,
}

/// A heading with its subtree, or a body paragraph.
///
/// Externally tagged in JSON (`{"heading": {…}}`): an internally tagged enum would be
/// buffered by serde and lose the path of a bad field in load errors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Node {
    Heading {
        id: NodeId,
        title: String,
        /// Run-in text printed after the title in the same paragraph
        /// (the common "（一）标题。正文" form); empty for a heading on its own line.
        #[serde(default)]
        text: String,
        #[serde(default)]
        children: Vec<Node>,
    },
    Paragraph {
        id: NodeId,
        text: String,
    },
}

impl Node {
    pub fn id(&self) -> NodeId {
        match self {
            Node::Heading { id, .. } | Node::Paragraph { id, .. } => *id,
        }
    }

    pub fn children(&self) -> &[Node] {
        match self {
            Node::Heading { children, .. } => children,
            Node::Paragraph { .. } => &[],
        }
    }

    pub fn is_heading(&self) -> bool {
        matches!(self, Node::Heading { .. })
    }

    /// The node and its subtree under fresh ids from `next_id` on, which is moved past
    /// them: nodes taken from another draft, or pasted, must not collide with ids in use.
    pub fn renumbered(self, next_id: &mut NodeId) -> Node {
        let id = *next_id;
        *next_id += 1;
        match self {
            Node::Paragraph { text, .. } => Node::Paragraph { id, text },
            Node::Heading {
                title,
                text,
                children,
                ..
            } => Node::Heading {
                id,
                title,
                text,
                children: children
                    .into_iter()
                    .map(|child| child.renumbered(next_id))
                    .collect(),
            },
        }
    }
}

/// Where a new node goes: directly in a section, or under a heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Parent {
    Section(NodeId),
    Heading(NodeId),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NewNode {
    Heading,
    Paragraph,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Which text of a node an edit replaces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TextField {
    /// A heading's title or a section's title.
    Title,
    /// A paragraph's text or a heading's run-in text.
    Text,
}

/// An edit that does not fit the draft; the UI never offers these, so they signal a stale view.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("找不到要修改的段落或标题（编号 {0}），可能已被删除")]
    NotFound(NodeId),
    #[error("标题最多四级（一、（一）1.（1）），不能再往下分级")]
    TooDeep,
    #[error("段落下面不能再添加内容")]
    NotAHeading,
    #[error("编号 {0} 已被占用，无法放回这部分内容")]
    IdInUse(NodeId),
    #[error("这份草稿没有附件表格")]
    NoTable,
    #[error("报告年度 {0} 无效，应在 {first} 至 {last} 之间", first = REPORT_YEARS.start(), last = REPORT_YEARS.end())]
    YearOutOfRange(u16),
    #[error(transparent)]
    Table(#[from] TableEditError),
}

/// Whether two lists of nodes hold the same headings and paragraphs in the same places,
/// whatever their text ([`Draft::same_but_text`]).
fn same_nodes_but_text(a: &[Node], b: &[Node]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|pair| match pair {
            (
                Node::Heading {
                    id,
                    title,
                    text: _,
                    children,
                },
                Node::Heading {
                    id: other_id,
                    title: other_title,
                    text: _,
                    children: other_children,
                },
            ) => {
                id == other_id
                    && title == other_title
                    && same_nodes_but_text(children, other_children)
            }
            (
                Node::Paragraph { id, text: _ },
                Node::Paragraph {
                    id: other_id,
                    text: _,
                },
            ) => id == other_id,
            _ => false,
        })
}

impl Draft {
    /// What the draft is called where one name stands for it (the app's header, the
    /// 落实情况表): its title as it now reads, else its name in the list.
    pub fn shown_name(&self) -> &str {
        match self.meta.title.trim() {
            "" => self.name.trim(),
            title => title,
        }
    }

    /// Whether `other` is this draft with only the body text of its paragraphs (and the
    /// run-in text of its headings) changed, as typing changes it: the same parts, headings,
    /// nodes in the same places, fields, plan and settings. What is found in a draft and
    /// shown by where it is (a heading's path, a paragraph's rank) reads the same on both.
    /// Every field is named, so that a field added to the draft is not left out.
    pub fn same_but_text(&self, other: &Draft) -> bool {
        let Draft {
            id,
            name,
            report_year,
            template,
            meta,
            sections,
            export,
            plan,
            secrecy_reviewed,
            attachment_table,
            ignored_rules,
            next_id,
        } = self;
        let same_plan = match (plan, &other.plan) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b) || a == b,
            (a, b) => a.is_none() && b.is_none(),
        };
        *id == other.id
            && *name == other.name
            && *report_year == other.report_year
            && *template == other.template
            && *meta == other.meta
            && *export == other.export
            && same_plan
            && *secrecy_reviewed == other.secrecy_reviewed
            && *attachment_table == other.attachment_table
            && *ignored_rules == other.ignored_rules
            && *next_id == other.next_id
            && sections.len() == other.sections.len()
            && sections.iter().zip(&other.sections).all(|(a, b)| {
                let Section {
                    id,
                    key,
                    title,
                    guidance,
                    numbered,
                    children,
                } = a;
                *id == b.id
                    && *key == b.key
                    && *title == b.title
                    && *guidance == b.guidance
                    && *numbered == b.numbered
                    && same_nodes_but_text(children, &b.children)
            })
    }

    /// Adds an empty heading or paragraph at the end of `parent` and returns its id.
    pub fn add_node(&mut self, parent: Parent, kind: NewNode) -> Result<NodeId, EditError> {
        let node = self.new_node(kind);
        let id = node.id();
        self.list_for(parent, &node)?.push(node);
        self.next_id += 1;
        Ok(id)
    }

    /// An empty heading or paragraph under the next free id, not yet in the draft.
    pub fn new_node(&self, kind: NewNode) -> Node {
        let id = self.next_id;
        match kind {
            NewNode::Heading => Node::Heading {
                id,
                title: String::new(),
                text: String::new(),
                children: Vec::new(),
            },
            NewNode::Paragraph => Node::Paragraph {
                id,
                text: String::new(),
            },
        }
    }

    /// The children of `parent`, where `node` may go: paragraphs take no children,
    /// unnumbered sections no headings, and no heading goes below level [`MAX_LEVEL`].
    pub(crate) fn list_for(
        &mut self,
        parent: Parent,
        node: &Node,
    ) -> Result<&mut Vec<Node>, EditError> {
        let depth = heading_depth(node);
        match parent {
            Parent::Section(section_id) => {
                let section = self.section_mut(section_id)?;
                if depth > 0 && !section.numbered {
                    return Err(EditError::NotAHeading);
                }
                if 1 + depth > MAX_LEVEL {
                    return Err(EditError::TooDeep);
                }
                Ok(&mut section.children)
            }
            Parent::Heading(heading_id) => {
                let level = self
                    .level_of(heading_id)
                    .ok_or(EditError::NotFound(heading_id))?;
                if level + depth > MAX_LEVEL {
                    return Err(EditError::TooDeep);
                }
                match self.node_mut(heading_id)? {
                    Node::Heading { children, .. } => Ok(children),
                    Node::Paragraph { .. } => Err(EditError::NotAHeading),
                }
            }
        }
    }

    /// Replaces the title or text of a section, heading or paragraph.
    pub fn set_text(
        &mut self,
        id: NodeId,
        field: TextField,
        value: String,
    ) -> Result<(), EditError> {
        *self.text_mut(id, field)? = value;
        Ok(())
    }

    /// The title or text of a section, heading or paragraph, to be replaced.
    pub(crate) fn text_mut(
        &mut self,
        id: NodeId,
        field: TextField,
    ) -> Result<&mut String, EditError> {
        if let Some(at) = self.sections.iter().position(|s| s.id == id) {
            return match field {
                TextField::Title => Ok(&mut self.sections[at].title),
                TextField::Text => Err(EditError::NotAHeading),
            };
        }
        match (self.node_mut(id)?, field) {
            (Node::Heading { title, .. }, TextField::Title) => Ok(title),
            (Node::Heading { text, .. } | Node::Paragraph { text, .. }, TextField::Text) => {
                Ok(text)
            }
            (Node::Paragraph { .. }, TextField::Title) => Err(EditError::NotAHeading),
        }
    }

    pub fn section(&self, id: NodeId) -> Result<&Section, EditError> {
        self.sections
            .iter()
            .find(|s| s.id == id)
            .ok_or(EditError::NotFound(id))
    }

    pub(crate) fn section_mut(&mut self, id: NodeId) -> Result<&mut Section, EditError> {
        self.sections
            .iter_mut()
            .find(|s| s.id == id)
            .ok_or(EditError::NotFound(id))
    }

    /// The node with this id, anywhere in the body.
    pub fn node(&self, id: NodeId) -> Option<&Node> {
        fn find(nodes: &[Node], id: NodeId) -> Option<&Node> {
            nodes.iter().find_map(|node| {
                if node.id() == id {
                    Some(node)
                } else {
                    find(node.children(), id)
                }
            })
        }
        self.sections.iter().find_map(|s| find(&s.children, id))
    }

    pub(crate) fn node_mut(&mut self, id: NodeId) -> Result<&mut Node, EditError> {
        fn find(nodes: &mut [Node], id: NodeId) -> Option<&mut Node> {
            for node in nodes {
                if node.id() == id {
                    return Some(node);
                }
                if let Node::Heading { children, .. } = node {
                    if let Some(found) = find(children, id) {
                        return Some(found);
                    }
                }
            }
            None
        }
        self.sections
            .iter_mut()
            .find_map(|s| find(&mut s.children, id))
            .ok_or(EditError::NotFound(id))
    }

    /// The list holding `id` and its position there.
    pub(crate) fn siblings_mut(
        &mut self,
        id: NodeId,
    ) -> Result<(&mut Vec<Node>, usize), EditError> {
        fn find(nodes: &mut Vec<Node>, id: NodeId) -> Option<(&mut Vec<Node>, usize)> {
            if let Some(index) = nodes.iter().position(|n| n.id() == id) {
                return Some((nodes, index));
            }
            nodes.iter_mut().find_map(|node| match node {
                Node::Heading { children, .. } => find(children, id),
                Node::Paragraph { .. } => None,
            })
        }
        self.sections
            .iter_mut()
            .find_map(|s| find(&mut s.children, id))
            .ok_or(EditError::NotFound(id))
    }

    /// Heading level of a node: headings directly in a section are level 2 (（一）),
    /// since the section itself is level 1 (一、). Paragraphs report the level of the
    /// heading they would sit under plus one.
    pub fn level_of(&self, id: NodeId) -> Option<u8> {
        fn find(nodes: &[Node], id: NodeId, level: u8) -> Option<u8> {
            nodes.iter().find_map(|node| {
                if node.id() == id {
                    Some(level)
                } else {
                    find(node.children(), id, level + 1)
                }
            })
        }
        self.sections.iter().find_map(|s| find(&s.children, id, 2))
    }

    /// Every id in use: sections and nodes, in document order.
    pub fn ids(&self) -> Vec<NodeId> {
        let mut out = Vec::new();
        for section in &self.sections {
            out.push(section.id);
            collect_ids(&section.children, &mut out);
        }
        out
    }

    /// A copy under a new storage id and name; node ids stay, they are per draft.
    pub fn duplicate(&self, new_id: String, new_name: String) -> Draft {
        Draft {
            id: new_id,
            name: new_name,
            ..self.clone()
        }
    }
}

/// The ids of `nodes` and everything under them, in document order.
pub(crate) fn collect_ids(nodes: &[Node], out: &mut Vec<NodeId>) {
    for node in nodes {
        out.push(node.id());
        collect_ids(node.children(), out);
    }
}

/// How many heading levels `node` spans: 0 for a paragraph, 1 for a heading with no
/// headings under it.
fn heading_depth(node: &Node) -> u8 {
    match node {
        Node::Paragraph { .. } => 0,
        Node::Heading { children, .. } => 1 + children.iter().map(heading_depth).max().unwrap_or(0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::Template;

    fn draft() -> Draft {
        Template::builtin_default().new_draft("d1".into(), 2023)
    }

    fn first_numbered(d: &Draft) -> NodeId {
        d.sections.iter().find(|s| s.numbered).unwrap().id
    }

    #[test]
    fn the_shown_name_is_the_title_as_it_now_reads_else_the_name() {
        let mut d = draft();
        d.name = "2023年度报告".into();
        d.meta.title = "  关于2023年度法治政府建设工作情况的报告 ".into();
        assert_eq!(d.shown_name(), "关于2023年度法治政府建设工作情况的报告");
        d.meta.title = " ".into();
        assert_eq!(d.shown_name(), "2023年度报告");
    }

    #[test]
    fn the_same_draft_but_text_is_one_typed_in_and_nothing_else() {
        let mut before = draft();
        let s = first_numbered(&before);
        let h = before
            .add_node(Parent::Section(s), NewNode::Heading)
            .unwrap();
        let p = before
            .add_node(Parent::Heading(h), NewNode::Paragraph)
            .unwrap();
        let typed = |edit: &dyn Fn(&mut Draft)| {
            let mut after = before.clone();
            edit(&mut after);
            before.same_but_text(&after)
        };
        assert!(typed(&|_| {}));
        assert!(typed(&|d| d
            .set_text(p, TextField::Text, "全年办理".into())
            .unwrap()));
        assert!(typed(&|d| d
            .set_text(h, TextField::Text, "严格执法。".into())
            .unwrap()));
        assert!(!typed(&|d| d
            .set_text(h, TextField::Title, "（一）".into())
            .unwrap()));
        assert!(!typed(&|d| {
            d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        }));
        assert!(!typed(
            &|d| d.meta.title = "关于法治政府建设工作情况的报告（草稿）".into()
        ));
        assert!(!typed(&|d| d.ignored_rules.push("title-missing".into())));
        assert!(!typed(&|d| d.sections[0].title = "前言".into()));
    }

    #[test]
    fn ids_are_unique_and_below_next_id() {
        let mut d = draft();
        let s = first_numbered(&d);
        for _ in 0..5 {
            let h = d.add_node(Parent::Section(s), NewNode::Heading).unwrap();
            d.add_node(Parent::Heading(h), NewNode::Paragraph).unwrap();
        }
        let ids = d.ids();
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len());
        assert!(ids.iter().all(|&id| id < d.next_id));
    }

    #[test]
    fn heading_depth_is_limited_to_four_levels() {
        let mut d = draft();
        let s = first_numbered(&d);
        let l2 = d.add_node(Parent::Section(s), NewNode::Heading).unwrap();
        let l3 = d.add_node(Parent::Heading(l2), NewNode::Heading).unwrap();
        let l4 = d.add_node(Parent::Heading(l3), NewNode::Heading).unwrap();
        assert_eq!(d.level_of(l4), Some(4));
        assert_eq!(
            d.add_node(Parent::Heading(l4), NewNode::Heading),
            Err(EditError::TooDeep)
        );
        // A paragraph under the deepest heading is fine.
        assert!(d.add_node(Parent::Heading(l4), NewNode::Paragraph).is_ok());
    }

    #[test]
    fn paragraphs_take_no_children_and_no_title() {
        let mut d = draft();
        let s = first_numbered(&d);
        let p = d.add_node(Parent::Section(s), NewNode::Paragraph).unwrap();
        assert_eq!(
            d.add_node(Parent::Heading(p), NewNode::Paragraph),
            Err(EditError::NotAHeading)
        );
        assert_eq!(
            d.set_text(p, TextField::Title, "x".into()),
            Err(EditError::NotAHeading)
        );
    }

    #[test]
    fn unnumbered_sections_hold_paragraphs_only() {
        let mut d = draft();
        let intro = d.sections.iter().find(|s| !s.numbered).unwrap().id;
        assert!(d
            .add_node(Parent::Section(intro), NewNode::Paragraph)
            .is_ok());
        assert_eq!(
            d.add_node(Parent::Section(intro), NewNode::Heading),
            Err(EditError::NotAHeading)
        );
    }

    #[test]
    fn doc_number_display() {
        let n = DocNumber {
            agency_code: "嘉卫".into(),
            year: Some(2023),
            serial: Some(24),
        };
        assert_eq!(n.display(), "嘉卫〔2023〕24号");
        assert_eq!(DocNumber::default().display(), "");
    }
}
