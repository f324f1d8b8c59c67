//! Edits of the open draft: each is a core [`Edit`] applied through the history (so it
//! is undone as one step), or an undo or redo of one.

use std::cell::Cell;
use std::rc::Rc;

use report_core::check::{self, Fix};
use report_core::model::{Direction, NewNode, Node, Parent, TextField};
use report_core::paste::{clean_pasted, paste_into};
use report_core::plan_items::{PlanState, Status};
use report_core::restructure::{restructure, Restructure};
use report_core::rules::Rule;
use report_core::template::change_report_year;
use report_core::versions::Reason;
use report_core::{Draft, Edit, NodeId, Target, Template};

use super::{AppState, Notice, Step};
use crate::adapter::chunk::{in_chunk, LoadFailed, SPLIT};

pub enum DraftAction {
    /// A core edit made by typing, at `at_ms` (from any clock): typing into one text is
    /// one undo step until a pause.
    Typed {
        edit: Edit,
        at_ms: u64,
    },
    /// A core edit that is its own undo step.
    Apply(Edit),
    /// Export options are layout settings beside the text; they are not undone.
    SetExportOptions(report_core::export_options::ExportOptions),
    AddNode {
        parent: Parent,
        kind: NewNode,
    },
    MoveNode {
        id: NodeId,
        direction: Direction,
    },
    /// Starts a new paragraph after paragraph `id` (Enter at its end) and opens it.
    BreakAfter(NodeId),
    /// Removes an empty paragraph (Backspace in it) and focuses the one before it.
    RemoveEmpty(NodeId),
    /// Text pasted into a text of node `id`, split at the caret into `before` and
    /// `after`: cleaned, and in a paragraph split into paragraphs and headings when it
    /// holds several lines. Its reader is in the chunk: dispatched only once
    /// [`chunk_edits_loaded`] (before, the browser pastes the text as it is).
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
    /// Applies a checker fix; refused with a notice when the text changed since the check.
    ApplyFix(Fix),
    /// 全部修正: every fix of one checker rule, as one undoable step; refused as a whole
    /// with a notice when a text they change has changed since the check.
    FixAll(Vec<Fix>),
    /// 报告年度: moves the draft to report year `year`, with the texts its template wrote
    /// for the old year and, when `with_typed`, the years in the texts the user typed.
    /// `template` is the one the draft comes from, found first (by `report_year_input`):
    /// the library is read in the chunk, not kept in the first screen's code.
    SetReportYear {
        year: u16,
        with_typed: bool,
        template: Option<Rc<Template>>,
    },
    /// 本稿忽略此规则: the checker leaves rule `rule` out for this draft.
    IgnoreRule(Rule),
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
}

type EditInChunk = fn(&mut AppState, DraftAction);

in_chunk! {
    /// [`AppState::edit_in_chunk`], handed out by the chunk: only the chunk's code names
    /// it, so that what it reaches is cut out with it.
    fn edit_in_chunk_entry() -> EditInChunk {
        AppState::edit_in_chunk
    }
}

thread_local! {
    static CHUNK_EDITS: Cell<Option<EditInChunk>> = const { Cell::new(None) };
}

/// Loads the chunk (or waits for the load under way), so that the reducer makes the edits
/// whose code is in it without waiting: awaited before such an edit is dispatched.
pub async fn load_chunk_edits() -> Result<(), LoadFailed> {
    let edit = edit_in_chunk_entry().await?;
    CHUNK_EDITS.with(|cell| cell.set(Some(edit)));
    Ok(())
}

/// [`AppState::edit_in_chunk`] without waiting: at once in the one module, else once the
/// chunk is in.
fn chunk_edits() -> Option<EditInChunk> {
    if SPLIT {
        CHUNK_EDITS.with(Cell::get)
    } else {
        Some(AppState::edit_in_chunk)
    }
}

/// Whether the edits in the chunk are made at once (the chunk is in, or there is none).
pub fn chunk_edits_loaded() -> bool {
    chunk_edits().is_some()
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

impl AppState {
    pub(super) fn edit_draft(&mut self, action: DraftAction) {
        match action {
            DraftAction::Typed { edit, at_ms } => {
                if self.edit(edit, Some(at_ms)).is_some() {
                    self.typed_revision = Some(self.revision);
                }
            }
            DraftAction::Apply(edit) => {
                self.edit(edit, None);
            }
            DraftAction::SetExportOptions(options) => {
                Rc::make_mut(&mut self.draft).export = options;
                self.revision += 1;
            }
            DraftAction::AddNode { parent, kind } => {
                let edit = Edit::add(&self.draft, parent, kind);
                self.edit_and_show(edit);
            }
            DraftAction::MoveNode { id, direction } => {
                match Edit::move_by(&self.draft, id, direction) {
                    Ok(Some(edit)) => {
                        self.edit_and_show(Ok(edit));
                    }
                    Ok(None) => {}
                    Err(err) => self.notice = Some(Notice::error(err.to_string())),
                }
            }
            DraftAction::BreakAfter(id) => {
                let edit = Edit::add_after(&self.draft, id);
                self.edit_and_show(edit);
            }
            DraftAction::RemoveEmpty(id) => {
                let empty = matches!(self.draft.node(id),
                    Some(Node::Paragraph { text, .. }) if text.is_empty());
                // The paragraph before it (else after it, else its parent) is shown.
                if empty {
                    self.edit_and_show(Ok(Edit::Remove { id, next_id: None }));
                }
            }
            DraftAction::Restructure { id, how } => match restructure(&self.draft, id, how) {
                Ok(Some(edit)) => {
                    self.edit_and_show(Ok(edit));
                }
                Ok(None) => {}
                Err(err) => self.notice = Some(Notice::error(err.to_string())),
            },
            DraftAction::Undo => self.travel(false),
            DraftAction::Redo => self.travel(true),
            action @ (DraftAction::Paste { .. }
            | DraftAction::ApplyFix(_)
            | DraftAction::FixAll(_)
            | DraftAction::SetReportYear { .. }
            | DraftAction::IgnoreRule(_)
            | DraftAction::SetPlan(_)
            | DraftAction::EditPlanItem { .. }
            | DraftAction::Decide { .. }
            | DraftAction::AddParagraphFor(_)) => match chunk_edits() {
                Some(edit_in_chunk) => edit_in_chunk(self, action),
                None => self.notice = Some(Notice::error(LoadFailed::MESSAGE)),
            },
        }
    }

    /// The edits only the chunk's components ask for, or asked for once the chunk is in
    /// (a report year, a paste): their code, the checker's fixes, the paste reader, the
    /// report year's and the plan's, is in the chunk ([`crate::adapter::chunk`]), and
    /// [`Self::edit_draft`] sends them here.
    fn edit_in_chunk(&mut self, action: DraftAction) {
        match action {
            DraftAction::Paste {
                id,
                field,
                before,
                pasted,
                after,
            } => {
                let cleaned = clean_pasted(&pasted);
                let summary = cleaned.summary();
                let edit = paste_into(&self.draft, id, field, &before, &cleaned.text, &after);
                // The last piece pasted is shown.
                if self.edit_and_show(edit) && !summary.is_empty() {
                    self.notice = Some(Notice::info(format!(
                        "已清除粘贴内容中的{summary}（来自 Word 或网页的隐藏字符和格式）。"
                    )));
                }
            }
            DraftAction::ApplyFix(fix) => match check::fix_edit(&self.draft, &fix) {
                Ok(edit) => {
                    self.edit(edit, None);
                }
                Err(err) => self.notice = Some(Notice::error(err.to_string())),
            },
            DraftAction::FixAll(fixes) => {
                let before = self.draft.clone();
                self.fix_all(&fixes);
                self.snapshot_if_changed(before, Reason::BeforeFixAll);
            }
            DraftAction::SetReportYear {
                year,
                with_typed,
                template,
            } => {
                let change = change_report_year(&self.draft, template.as_deref(), year);
                let before = self.draft.clone();
                self.edit(change.into_edit(with_typed), None);
                self.snapshot_if_changed(before, Reason::BeforeYearChange);
            }
            DraftAction::IgnoreRule(rule) => {
                if let Some(edit) = Edit::ignore_rule(&self.draft, rule.id()) {
                    self.edit(edit, None);
                }
            }
            DraftAction::SetPlan(plan) => {
                let plan = match self.draft.plan.as_deref().cloned() {
                    Some(mut existing) => {
                        existing.replace_plan(plan);
                        existing
                    }
                    None => PlanState::new(plan),
                };
                let before = self.draft.clone();
                self.edit(Edit::SetPlan(Some(Rc::new(plan))), None);
                self.snapshot_if_changed(before, Reason::BeforeImport);
            }
            DraftAction::EditPlanItem {
                index,
                title,
                departments,
            } => {
                if let Some(mut plan) = self.draft.plan.as_deref().cloned() {
                    if plan.edit_item(index, title, departments) {
                        self.edit(Edit::SetPlan(Some(Rc::new(plan))), None);
                    }
                }
            }
            DraftAction::Decide { index, decision } => {
                let Some(mut plan) = self.draft.plan.as_deref().cloned() else {
                    return;
                };
                if let Some(target) = plan.decision_mut(index) {
                    match decision {
                        Decision::Confirm(id) => target.confirm(id),
                        Decision::Reject(id) => target.reject(id),
                        Decision::Status(status, reason) => target.set_status(status, reason),
                    }
                    self.edit(Edit::SetPlan(Some(Rc::new(plan))), None);
                }
            }
            DraftAction::AddParagraphFor(index) => self.add_paragraph_for(index),
            // The rest are made in `edit_draft`, which sends none of them here.
            _ => {}
        }
    }

    fn add_paragraph_for(&mut self, index: usize) {
        let Some(item) = self
            .draft
            .plan
            .as_ref()
            .and_then(|p| p.plan.items.get(index))
        else {
            return;
        };
        let label = format!("第{}项“{}”", item.number, item.title);
        // The section for achievements: the mandated outline's key, else the first
        // numbered section.
        let Some(section) = self
            .draft
            .sections
            .iter()
            .find(|s| s.key == "measures")
            .or_else(|| self.draft.sections.iter().find(|s| s.numbered))
            .map(|s| s.id)
        else {
            return;
        };
        let edit = Edit::add(&self.draft, Parent::Section(section), NewNode::Paragraph);
        if self.edit_and_show(edit) {
            self.step = Step::Section(section);
            self.notice = Some(Notice::info(format!(
                "已在本部分末尾添加空段落，请写明计划{label}的落实情况和成效。"
            )));
        }
    }

    fn fix_all(&mut self, fixes: &[Fix]) {
        let places = check::places(fixes);
        match check::fix_all_edit(&self.draft, fixes) {
            Ok(edit) => {
                if self.edit(edit, None).is_some() {
                    self.notice = Some(Notice::info(format!(
                        "已修正 {places} 处，可撤销（Ctrl+Z）。"
                    )));
                }
            }
            Err(err) => self.notice = Some(Notice::error(err.to_string())),
        }
    }

    /// Asks for a snapshot of `before` when the draft changed since.
    fn snapshot_if_changed(&mut self, before: Rc<Draft>, reason: Reason) {
        if before != self.draft {
            self.pending_snapshot = Some((before, reason));
        }
    }

    /// Applies an edit built from the draft (which can fail) and focuses the node it
    /// changed: a node added or moved, the one before a node removed. Returns whether
    /// the draft changed.
    fn edit_and_show(&mut self, edit: Result<Edit, report_core::EditError>) -> bool {
        let place = match edit {
            Ok(edit) => self.edit(edit, None),
            Err(err) => {
                self.notice = Some(Notice::error(err.to_string()));
                None
            }
        };
        let changed = place.is_some();
        if changed {
            self.focus = place;
        }
        changed
    }

    /// Applies a draft edit through the history: typed text (`typed_at_ms`) joins the
    /// step of the keystrokes before it. A change is a new revision, which the autosave
    /// writes; a refusal, which only a stale view can cause, is a notice. Returns where
    /// the draft changed, `None` when it did not.
    fn edit(&mut self, edit: Edit, typed_at_ms: Option<u64>) -> Option<Target> {
        let draft = Rc::make_mut(&mut self.draft);
        let result = match typed_at_ms {
            Some(at_ms) => self.history.apply_typing(draft, edit, at_ms),
            None => self.history.apply(draft, edit),
        };
        match result {
            Ok(place) => {
                if place.is_some() {
                    self.revision += 1;
                }
                place
            }
            Err(err) => {
                self.notice = Some(Notice::error(err.to_string()));
                None
            }
        }
    }

    /// Undoes (or with `redo`, redoes) one step and shows where the draft changed: its
    /// step opens and its text takes the focus, so no other text is left focused for
    /// the browser's own undo to act on.
    fn travel(&mut self, redo: bool) {
        let (possible, what) = if redo {
            (self.history.can_redo(), "重做")
        } else {
            (self.history.can_undo(), "撤销")
        };
        if !possible {
            return;
        }
        let draft = Rc::make_mut(&mut self.draft);
        let result = if redo {
            self.history.redo(draft)
        } else {
            self.history.undo(draft)
        };
        match result {
            Ok(place) => {
                self.revision += 1;
                if let Some(place) = place {
                    self.show(place);
                }
            }
            Err(err) => {
                self.notice = Some(Notice::error(format!(
                    "无法{what}：{err}。撤销记录已清空，草稿保持当前内容。"
                )))
            }
        }
    }
}
