//! App state in one `Reducible`, changed only through [`Action`]s.
//!
//! The reducer is pure: storage, files and time are the callers' business (see
//! [`persistence`]), so every transition is testable natively.

pub mod library;
pub mod persistence;

use std::rc::Rc;

use report_core::coverage::Status;
use report_core::model::{Direction, NewNode, Parent, TextField};
use report_core::plan::PlanState;
use report_core::{Draft, MetaField, NodeId, Template};
use yew::Reducible;

use crate::adapter::storage::DraftSummary;

/// The steps a clerk walks through.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Basics,
    Section(NodeId),
    Closing,
    /// 计划覆盖: the year's plan and how the report covers it.
    Coverage,
    /// 附件表格: the attached table's cells; offered only when the draft has a table.
    Table,
    Export,
}

/// Where the paged preview shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PreviewMode {
    #[default]
    Hidden,
    /// Beside the editor.
    Beside,
    /// In the editor's place.
    Instead,
}

/// Whether the open draft's latest edits are in storage.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveState {
    Saved,
    /// Storage refused; the draft lives on in memory. The message says why.
    Failed(String),
    /// Another tab saved this draft while this one had unsaved edits.
    Conflict,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub error: bool,
    pub text: String,
}

impl Notice {
    pub fn error(text: impl Into<String>) -> Self {
        Notice {
            error: true,
            text: text.into(),
        }
    }
    pub fn info(text: impl Into<String>) -> Self {
        Notice {
            error: false,
            text: text.into(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    pub draft: Rc<Draft>,
    /// Bumped by every edit of the open draft.
    pub revision: u64,
    /// The revision last written to storage.
    pub saved_revision: u64,
    pub save: SaveState,
    /// The storage stamp this tab last loaded or wrote for the open draft (see
    /// [`crate::adapter::storage::save_draft`]); `None` before it is first stored.
    pub stamp: Option<String>,
    pub drafts: Vec<DraftSummary>,
    pub show_drafts: bool,
    pub step: Step,
    /// A node to scroll to and focus after the next render.
    pub focus: Option<NodeId>,
    pub notice: Option<Notice>,
    /// Whether the checker's findings are shown beside the editor.
    pub show_checks: bool,
    pub preview: PreviewMode,
    /// The user's own templates as stored (the built-ins are not stored).
    pub templates: Rc<Vec<Template>>,
    /// A template being added whose name is taken, until the user chooses to keep both
    /// or to replace the one of that name.
    pub template_clash: Option<Rc<Template>>,
}

pub enum Action {
    SetMeta(MetaField, String),
    SetExportOptions(report_core::docx::ExportOptions),
    Rename(String),
    SetText {
        id: NodeId,
        field: TextField,
        text: String,
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
    ApplyFix(report_core::check::Fix),
    ShowChecks(bool),
    SetSecrecyReviewed(bool),
    /// Writes a user cell of the attached table, in the row of plan item `number`.
    SetTableCell {
        number: String,
        column: usize,
        text: String,
    },
    /// Uses an imported plan; an existing plan's decisions stay with their items.
    SetPlan(report_core::plan::Plan),
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
}

impl AppState {
    pub fn new(draft: Draft, stamp: Option<String>, drafts: Vec<DraftSummary>) -> Self {
        AppState {
            step: Step::Basics,
            draft: Rc::new(draft),
            revision: 0,
            saved_revision: 0,
            save: SaveState::Saved,
            stamp,
            drafts,
            show_drafts: false,
            focus: None,
            notice: None,
            show_checks: false,
            preview: PreviewMode::Hidden,
            templates: Rc::default(),
            template_clash: None,
        }
    }

    pub fn unsaved(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The step that shows `id`: its section's step, or 基本信息 when it is not in the body.
    fn step_of(&self, id: NodeId) -> Step {
        self.draft
            .sections
            .iter()
            .find(|s| s.id == id || contains(&s.children, id))
            .map_or(Step::Basics, |s| Step::Section(s.id))
    }
}

fn contains(nodes: &[report_core::Node], id: NodeId) -> bool {
    nodes
        .iter()
        .any(|n| n.id() == id || contains(n.children(), id))
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut state = (*self).clone();
        match action {
            Action::SetMeta(field, value) => {
                field.set(&mut Rc::make_mut(&mut state.draft).meta, &value);
                state.revision += 1;
            }
            Action::SetExportOptions(options) => {
                Rc::make_mut(&mut state.draft).export = options;
                state.revision += 1;
            }
            Action::Rename(name) => {
                Rc::make_mut(&mut state.draft).name = name;
                state.revision += 1;
            }
            Action::SetText { id, field, text } => {
                let result = Rc::make_mut(&mut state.draft).set_text(id, field, text);
                state.apply_edit(result.map(|_| None));
            }
            Action::AddNode { parent, kind } => {
                let result = Rc::make_mut(&mut state.draft).add_node(parent, kind);
                state.apply_edit(result.map(Some));
            }
            Action::MoveNode { id, direction } => {
                let result = Rc::make_mut(&mut state.draft).move_node(id, direction);
                state.apply_edit(result.map(|_| Some(id)));
            }
            Action::RemoveNode(id) => {
                let result = Rc::make_mut(&mut state.draft).remove_node(id);
                state.apply_edit(result.map(|_| None));
            }
            Action::GoTo(step) => {
                state.step = step;
                state.show_drafts = false;
            }
            Action::JumpTo(id) => {
                state.step = state.step_of(id);
                state.focus = Some(id);
                state.show_drafts = false;
            }
            Action::Focused => state.focus = None,
            Action::ShowDrafts(show) => state.show_drafts = show,
            Action::SetPreview(mode) => state.preview = mode,
            Action::Open {
                draft,
                stamp,
                drafts,
            } => {
                let kept = state.clone();
                state = AppState::new(draft, stamp, drafts);
                // What belongs to the tab, not to the draft, stays.
                state.notice = kept.notice;
                state.show_checks = kept.show_checks;
                state.preview = kept.preview;
                state.templates = kept.templates;
                state.template_clash = kept.template_clash;
                // Distinct from any revision the old draft had, so effects keyed on it rerun.
                state.revision = self.revision + 1;
                state.saved_revision = state.revision;
            }
            Action::DraftsListed(drafts) => state.drafts = drafts,
            Action::Saved {
                revision,
                stamp,
                saved_at,
            } => {
                state.saved_revision = revision;
                state.stamp = Some(stamp);
                state.save = SaveState::Saved;
                let summary = DraftSummary {
                    id: state.draft.id.clone(),
                    name: state.draft.name.clone(),
                    saved_at,
                    damaged: None,
                };
                state.drafts.retain(|d| d.id != summary.id);
                state.drafts.insert(0, summary);
            }
            Action::SaveFailed(message) => state.save = SaveState::Failed(message),
            Action::Conflict => state.save = SaveState::Conflict,
            Action::KeepMine { stamp } => {
                state.stamp = stamp;
                state.save = SaveState::Saved;
                // This tab's text differs from what is stored now, so it is unsaved.
                state.revision += 1;
            }
            Action::ReloadedFromOtherTab { draft, stamp } => {
                state.draft = Rc::new(draft);
                state.stamp = Some(stamp);
                state.revision += 1;
                state.saved_revision = state.revision;
                state.save = SaveState::Saved;
                if let Step::Section(id) = state.step {
                    if state.draft.section(id).is_err() {
                        state.step = Step::Basics;
                    }
                }
            }
            Action::ApplyFix(fix) => {
                let mut draft = (*state.draft).clone();
                match report_core::check::apply_fix(&mut draft, &fix) {
                    Ok(()) => {
                        state.draft = Rc::new(draft);
                        state.revision += 1;
                    }
                    Err(err) => state.notice = Some(Notice::error(err.to_string())),
                }
            }
            Action::ShowChecks(show) => state.show_checks = show,
            Action::SetPlan(plan) => {
                let draft = Rc::make_mut(&mut state.draft);
                match &mut draft.plan {
                    Some(existing) => existing.replace_plan(plan),
                    None => draft.plan = Some(PlanState::new(plan)),
                }
                state.revision += 1;
            }
            Action::EditPlanItem {
                index,
                title,
                departments,
            } => {
                let draft = Rc::make_mut(&mut state.draft);
                if let Some(plan) = &mut draft.plan {
                    if plan.edit_item(index, title, departments) {
                        state.revision += 1;
                    }
                }
            }
            Action::Decide { index, decision } => {
                let draft = Rc::make_mut(&mut state.draft);
                if let Some(target) = draft.plan.as_mut().and_then(|p| p.decision_mut(index)) {
                    match decision {
                        Decision::Confirm(id) => target.confirm(id),
                        Decision::Reject(id) => target.reject(id),
                        Decision::Status(status, reason) => target.set_status(status, reason),
                    }
                    state.revision += 1;
                }
            }
            Action::AddParagraphFor(index) => state.add_paragraph_for(index),
            Action::SetSecrecyReviewed(done) => {
                Rc::make_mut(&mut state.draft).secrecy_reviewed = done;
                state.revision += 1;
            }
            Action::SetTableCell {
                number,
                column,
                text,
            } => {
                let draft = Rc::make_mut(&mut state.draft);
                if let Some(table) = &mut draft.attachment_table {
                    match table.set_cell(&number, column, text) {
                        Ok(()) => state.revision += 1,
                        Err(err) => state.notice = Some(Notice::error(err.to_string())),
                    }
                }
            }
            Action::Notify(notice) => state.notice = Some(notice),
            Action::DismissNotice => state.notice = None,
            Action::TemplatesListed(templates) => {
                state.templates = Rc::new(templates);
                state.template_clash = None;
            }
            Action::TemplateNameTaken(template) => state.template_clash = Some(Rc::new(template)),
            Action::CancelTemplateClash => state.template_clash = None,
        }
        Rc::new(state)
    }
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
        let result =
            Rc::make_mut(&mut self.draft).add_node(Parent::Section(section), NewNode::Paragraph);
        if result.is_ok() {
            self.step = Step::Section(section);
            self.notice = Some(Notice::info(format!(
                "已在本部分末尾添加空段落，请写明计划{label}的落实情况和成效。"
            )));
        }
        self.apply_edit(result.map(Some));
    }

    /// Records a model edit: a new revision on success (focusing `Some(id)`), a notice
    /// on failure, which only a stale view can cause.
    fn apply_edit(&mut self, result: Result<Option<NodeId>, report_core::EditError>) {
        match result {
            Ok(focus) => {
                self.revision += 1;
                if focus.is_some() {
                    self.focus = focus;
                }
            }
            Err(err) => self.notice = Some(Notice::error(err.to_string())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use report_core::Template;

    fn state() -> Rc<AppState> {
        let draft = Template::builtin_default().new_draft("a".into(), 2023);
        Rc::new(AppState::new(draft, Some("t:1".into()), Vec::new()))
    }

    #[test]
    fn edits_bump_the_revision_and_mark_unsaved() {
        let s = state();
        let section = s.draft.sections[1].id;
        let s = s.reduce(Action::AddNode {
            parent: Parent::Section(section),
            kind: NewNode::Paragraph,
        });
        assert_eq!(s.revision, 1);
        assert!(s.unsaved());
        let id = s.focus.expect("a new node takes focus");
        let s = s.reduce(Action::SetText {
            id,
            field: TextField::Text,
            text: "保护市场公平竞争。".into(),
        });
        assert_eq!(s.revision, 2);
        let s = s.reduce(Action::Saved {
            revision: 2,
            stamp: "t:2".into(),
            saved_at: "2024-02-27T08:30:00Z".into(),
        });
        assert!(!s.unsaved());
        assert_eq!(s.drafts[0].id, "a", "the list shows the saved draft first");
        let s = s.reduce(Action::SetMeta(MetaField::Title, "新标题".into()));
        assert_eq!(s.draft.meta.title, "新标题");
        assert!(s.unsaved());
    }

    #[test]
    fn table_cells_are_edits_and_plan_columns_are_refused() {
        let draft = Template::builtin("indicator-table")
            .unwrap()
            .new_draft("a".into(), 2023);
        let s = Rc::new(AppState::new(draft, Some("t:1".into()), Vec::new()));
        let s = s.reduce(Action::SetTableCell {
            number: "九-1-1".into(),
            column: 4,
            text: "已完成".into(),
        });
        assert_eq!(s.revision, 1);
        let table = s.draft.attachment_table.as_ref().unwrap();
        assert_eq!(table.cell("九-1-1", 4), "已完成");
        let after = s.clone().reduce(Action::SetTableCell {
            number: "九-1-1".into(),
            column: 1,
            text: "改指标".into(),
        });
        assert_eq!((after.revision, &after.draft), (s.revision, &s.draft));
        assert!(after.notice.as_ref().is_some_and(|n| n.error));
    }

    #[test]
    fn a_failed_edit_changes_nothing_but_says_so() {
        let s = state();
        let after = s.clone().reduce(Action::RemoveNode(999));
        assert_eq!(after.draft, s.draft);
        assert_eq!(after.revision, s.revision);
        assert!(after.notice.as_ref().is_some_and(|n| n.error));
    }

    #[test]
    fn jump_opens_the_section_holding_the_node() {
        let s = state();
        let section = s.draft.sections[2].id;
        let s = s.reduce(Action::AddNode {
            parent: Parent::Section(section),
            kind: NewNode::Heading,
        });
        let heading = s.focus.unwrap();
        let s = s.reduce(Action::Focused).reduce(Action::GoTo(Step::Basics));
        let s = s.reduce(Action::JumpTo(heading));
        assert_eq!(s.step, Step::Section(section));
        assert_eq!(s.focus, Some(heading));
    }

    #[test]
    fn a_checker_fix_changes_its_text_once_and_a_stale_one_is_refused() {
        let s = state();
        let section = s.draft.sections[1].id;
        let s = s.reduce(Action::AddNode {
            parent: Parent::Section(section),
            kind: NewNode::Paragraph,
        });
        let id = s.focus.expect("a new node takes focus");
        let s = s.reduce(Action::SetText {
            id,
            field: TextField::Text,
            text: "加强法制建设，完善其它制度。".into(),
        });
        let today = report_core::CalendarDate::new(2024, 2, 1).unwrap();
        let fix = report_core::check::check_draft(&s.draft, today, &Default::default())
            .into_iter()
            .find(|f| f.rule == "wording-fazhi")
            .and_then(|f| f.fix)
            .expect("法制建设 is found with a fix");
        let fixed = s.reduce(Action::ApplyFix(fix.clone()));
        let text = |s: &AppState| match s.draft.node(id) {
            Some(report_core::Node::Paragraph { text, .. }) => text.clone(),
            _ => panic!("the paragraph is still there"),
        };
        assert_eq!(
            text(&fixed),
            "加强法治建设，完善其它制度。",
            "only 法制 changed"
        );
        assert_eq!(fixed.revision, 3, "a fix is an edit and is autosaved");
        let again = fixed.clone().reduce(Action::ApplyFix(fix));
        assert_eq!(text(&again), text(&fixed));
        assert_eq!(again.revision, fixed.revision);
        assert!(again
            .notice
            .as_ref()
            .is_some_and(|n| n.error && n.text.contains("过时")));
    }

    #[test]
    fn a_plan_is_set_decided_on_and_replaced_without_losing_decisions() {
        let plan = |text: &str| report_core::plan::parse_plan_text(text).unwrap().plan;
        let s = state().reduce(Action::SetPlan(plan(
            "1.推进合法性审查。（法制科）\n2.开展普法宣传。（宣传科）",
        )));
        assert_eq!(s.revision, 1);
        let s = s.reduce(Action::Decide {
            index: 1,
            decision: Decision::Status(Some(Status::NotApplicable), "本级不承担".into()),
        });
        assert_eq!(s.revision, 2);
        // A re-import with an extra item keeps the decision on item 2.
        let s = s.reduce(Action::SetPlan(plan(
            "1.推进合法性审查。（法制科）\n2.开展普法宣传。（宣传科）\n3.加强执法监督。（监督所）",
        )));
        let state = s.draft.plan.as_ref().unwrap();
        assert_eq!(state.plan.items.len(), 3);
        let decision = state.decision(&state.plan.items[1]).unwrap();
        assert_eq!(decision.status, Some(Status::NotApplicable));
        assert_eq!(decision.reason, "本级不承担");
        // A decision on an item that does not exist changes nothing.
        let same = s.clone().reduce(Action::Decide {
            index: 9,
            decision: Decision::Confirm(1),
        });
        assert_eq!(same.revision, s.revision);
    }

    #[test]
    fn a_paragraph_for_a_missing_item_is_added_to_the_achievements_and_opened() {
        let plan = report_core::plan::parse_plan_text("1.推进合法性审查。（法制科）")
            .unwrap()
            .plan;
        let s = state().reduce(Action::SetPlan(plan));
        let measures = s
            .draft
            .sections
            .iter()
            .find(|x| x.key == "measures")
            .unwrap()
            .id;
        let s = s.reduce(Action::AddParagraphFor(0));
        assert_eq!(s.step, Step::Section(measures));
        let id = s.focus.expect("the new paragraph takes focus");
        let section = s.draft.section(measures).unwrap();
        assert_eq!(section.children.last().map(|n| n.id()), Some(id));
        assert!(s
            .notice
            .as_ref()
            .unwrap()
            .text
            .contains("第1项“推进合法性审查”"));
        assert_eq!(s.revision, 2);
    }

    #[test]
    fn the_preview_mode_survives_opening_another_draft() {
        let s = state().reduce(Action::SetPreview(PreviewMode::Instead));
        assert_eq!(s.preview, PreviewMode::Instead);
        let other = Template::builtin_default().new_draft("b".into(), 2024);
        let s = s.reduce(Action::Open {
            draft: other,
            stamp: None,
            drafts: vec![],
        });
        assert_eq!(s.preview, PreviewMode::Instead);
    }

    #[test]
    fn opening_another_draft_resets_save_state_and_keeps_revisions_moving() {
        let s = state().reduce(Action::SetMeta(MetaField::Title, "x".into()));
        let s = s.reduce(Action::Conflict);
        let other = Template::builtin_default().new_draft("b".into(), 2024);
        let s = s.reduce(Action::Open {
            draft: other,
            stamp: None,
            drafts: vec![],
        });
        assert_eq!(s.draft.id, "b");
        assert_eq!(s.save, SaveState::Saved);
        assert!(!s.unsaved());
        assert!(s.revision > 1);
    }

    #[test]
    fn a_name_clash_waits_for_the_user_and_a_new_listing_settles_it() {
        let mine = Template {
            name: "上城区模板".into(),
            ..Template::builtin_default()
        };
        let s = state().reduce(Action::TemplatesListed(vec![mine.clone()]));
        assert_eq!(s.templates.as_slice(), std::slice::from_ref(&mine));
        let s = s.reduce(Action::TemplateNameTaken(mine.clone()));
        assert_eq!(s.template_clash.as_deref(), Some(&mine));
        assert_eq!(
            s.templates.len(),
            1,
            "nothing is added while the user is asked"
        );
        assert_eq!(s.revision, 0, "the draft is not edited");
        let cancelled = s.clone().reduce(Action::CancelTemplateClash);
        assert_eq!(cancelled.template_clash, None);
        assert_eq!(cancelled.templates, s.templates);
        let renamed = Template {
            name: "上城区模板 (2)".into(),
            ..mine.clone()
        };
        let s = s.reduce(Action::TemplatesListed(vec![mine, renamed]));
        assert_eq!(s.template_clash, None);
        assert_eq!(s.templates.len(), 2);
    }

    #[test]
    fn opening_a_draft_keeps_the_template_library() {
        let mine = Template {
            name: "上城区模板".into(),
            ..Template::builtin_default()
        };
        let s = state()
            .reduce(Action::TemplatesListed(vec![mine.clone()]))
            .reduce(Action::TemplateNameTaken(mine.clone()));
        let s = s.reduce(Action::Open {
            draft: mine.new_draft("b".into(), 2024),
            stamp: None,
            drafts: vec![],
        });
        assert_eq!(s.draft.template, "上城区模板");
        assert_eq!(s.templates.as_slice(), std::slice::from_ref(&mine));
        assert_eq!(s.template_clash.as_deref(), Some(&mine));
    }

    #[test]
    fn a_reload_from_another_tab_replaces_the_draft_without_marking_it_unsaved() {
        let s = state();
        let mut theirs = (*s.draft).clone();
        theirs.meta.title = "另一标签页".into();
        let s = s.reduce(Action::ReloadedFromOtherTab {
            draft: theirs,
            stamp: "other:1".into(),
        });
        assert_eq!(s.draft.meta.title, "另一标签页");
        assert_eq!(s.stamp.as_deref(), Some("other:1"));
        assert!(!s.unsaved());
    }
}
