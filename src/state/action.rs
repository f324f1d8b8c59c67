//! What the user does, and what the page tells the state: the reducer's input.

use report_core::check::Fix;
use report_core::model::{Direction, NewNode, Parent, TextField};
use report_core::plan_items::Status;
use report_core::restructure::Restructure;
use report_core::rules::Rule;
use report_core::{Draft, MetaField, NodeId, Template};

use super::{Notice, PreviewMode, Step};
use crate::adapter::storage::DraftSummary;

/// What the user does. Typing carries the time of the keystroke (`at_ms`, from any
/// clock) so that typing into one text is one undo step until a pause.
pub enum Action {
    SetMeta {
        field: MetaField,
        value: String,
        at_ms: u64,
    },
    /// Export options are layout settings beside the text; they are not undone.
    SetExportOptions(report_core::export_options::ExportOptions),
    Rename(String),
    SetText {
        id: NodeId,
        field: TextField,
        text: String,
        at_ms: u64,
    },
    AddNode {
        parent: Parent,
        kind: NewNode,
    },
    MoveNode {
        id: NodeId,
        direction: Direction,
    },
    RemoveNode(NodeId),
    /// Starts a new paragraph after paragraph `id` (Enter at its end) and opens it.
    BreakAfter(NodeId),
    /// Removes an empty paragraph (Backspace in it) and focuses the one before it.
    RemoveEmpty(NodeId),
    /// Text pasted into a text of node `id`, split at the caret into `before` and
    /// `after`: cleaned, and in a paragraph split into paragraphs and headings when it
    /// holds several lines.
    Paste {
        id: NodeId,
        field: TextField,
        before: String,
        pasted: String,
        after: String,
    },
    /// 转为标题 / 转为段落 / 升级 / 降级 of node `id`, then focuses it.
    Restructure {
        id: NodeId,
        how: Restructure,
    },
    /// Takes back the latest edit of the draft and shows where it was.
    Undo,
    /// Makes the latest undone edit again and shows where it is.
    Redo,
    GoTo(Step),
    /// Opens the step holding `node` and focuses it.
    JumpTo(NodeId),
    Focused,
    ShowDrafts(bool),
    SetPreview(PreviewMode),
    /// A draft becomes the open one; `stamp` is `None` when it could not be stored.
    Open {
        draft: Draft,
        stamp: Option<String>,
        drafts: Vec<DraftSummary>,
    },
    DraftsListed(Vec<DraftSummary>),
    Saved {
        revision: u64,
        stamp: String,
        saved_at: String,
    },
    SaveFailed(String),
    /// IndexedDB refused a write of draft `id` after it counted as
    /// saved: if it is the open draft, it is unsaved again, so every save path retries.
    DraftWriteRefused {
        id: String,
        message: String,
    },
    /// IndexedDB committed the write of draft `id` made with `stamp`.
    DraftWriteCommitted {
        id: String,
        stamp: String,
    },
    Conflict,
    /// Resolves a conflict in favour of this tab: its next save overwrites the other's.
    KeepMine {
        stamp: Option<String>,
    },
    /// Another tab saved the open draft and this tab had nothing unsaved: take theirs.
    ReloadedFromOtherTab {
        draft: Draft,
        stamp: String,
    },
    /// Applies a checker fix; refused with a notice when the text changed since the check.
    ApplyFix(Fix),
    /// 全部修正: every fix of one checker rule, as one undoable step; refused as a whole
    /// with a notice when a text they change has changed since the check.
    FixAll(Vec<Fix>),
    /// 报告年度: moves the draft to report year `year`, with the texts its template wrote
    /// for the old year and, when `with_typed`, the years in the texts the user typed.
    SetReportYear {
        year: u16,
        with_typed: bool,
    },
    /// 本稿忽略此规则: the checker leaves rule `rule` out for this draft.
    IgnoreRule(Rule),
    /// The checker applies every rule the draft ignored again.
    RestoreIgnoredRules,
    ShowChecks(bool),
    SetSecrecyReviewed(bool),
    /// Writes a user cell of the attached table, in the row of plan item `number`.
    SetTableCell {
        number: String,
        column: usize,
        text: String,
        at_ms: u64,
    },
    /// Uses an imported plan; an existing plan's decisions stay with their items.
    SetPlan(report_core::plan_items::Plan),
    /// A hand correction of a plan item.
    EditPlanItem {
        index: usize,
        title: String,
        departments: Vec<String>,
    },
    /// A user decision on a plan item's coverage.
    Decide {
        index: usize,
        decision: Decision,
    },
    /// Adds an empty paragraph at the end of 主要举措和成效 for a plan item not yet
    /// reported on, and opens it.
    AddParagraphFor(usize),
    Notify(Notice),
    DismissNotice,
    /// The template library as now stored; any pending name clash is settled by it.
    TemplatesListed(Vec<Template>),
    /// A template to add has a name in use: nothing was stored, the user is asked.
    TemplateNameTaken(Template),
    /// The user adds neither copy of a clashing template.
    CancelTemplateClash,
    ShowVersions(bool),
    /// Makes a snapshot's draft the open draft's text (after a snapshot of the current
    /// text, so the restore can be undone by restoring that one).
    RestoreVersion(Draft),
    /// The pending snapshot is stored (or could not be, and the user was told).
    SnapshotTaken,
}

/// A user decision on one plan item.
pub enum Decision {
    /// This paragraph is evidence for the item.
    Confirm(NodeId),
    /// This paragraph is not evidence for the item.
    Reject(NodeId),
    /// The status set by hand (`None`: computed again), with the reason.
    Status(Option<Status>, String),
}
